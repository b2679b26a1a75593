// autocannon ships no type definitions; the bench uses a small, checked part of its API.
declare module 'autocannon';
