# breachfeed: one image for every role (worker, scheduler, API); the command picks the role.
# Build:  docker build -t breachfeed .
# Run:    docker compose up   (see docker-compose.yml)

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here; native modules are rebuilt below.
# (`npm ci` rejects lockfiles written without other platforms' optional binaries; install honours the lock.)
RUN npm install --no-audit --no-fund --ignore-scripts \
 && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workers ./workers
COPY bench ./bench
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY fixtures ./fixtures
COPY schema ./schema
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# A 32 MiB young generation: extraction allocates fast, and V8's default one (16 MiB) scavenges
# often, on helper threads that compete with the other workers on the host.
ENTRYPOINT ["node", "--max-semi-space-size=32", "bin/breachfeed.js"]
CMD ["help"]
