# syntax=docker/dockerfile:1
# Multi-stage: build (compiles better-sqlite3 and TypeScript) → slim runtime, non-root.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bin ./bin
COPY data ./data
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/data ./data
COPY package.json ./
USER node
EXPOSE 3000
# The same image runs every role: `serve`, `worker`, `scheduler` (see docker-compose.yml).
ENTRYPOINT ["node", "bin/reviewlens.js"]
CMD ["serve", "--host", "0.0.0.0"]
