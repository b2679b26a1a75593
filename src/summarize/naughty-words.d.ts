// naughty-words ships no types: a map from language code to its word list.
declare module 'naughty-words' {
  const lists: Record<string, string[]>;
  export default lists;
}
