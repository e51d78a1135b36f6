# pipedrive-xero: the app as compiled JavaScript, run as the unprivileged `node` user.
# Build:  docker build -t pipedrive-xero .
# Run:    docker run --env-file .env -e HOST=0.0.0.0 -e DATABASE_URL=sqlite:/data/pipedrive-xero.db \
#           -e DATA_DIR=/data -p 127.0.0.1:3000:3000 -v pdx-data:/data pipedrive-xero
#         (the -e win over .env: .env.example's HOST=127.0.0.1 and ./data paths suit a clone, not
#         the image, where /app is read-only to `node` and only /data is kept)
# Scale-out with PostgreSQL, one `serve` and two `worker`s: deploy/compose.yaml.
# docs/going-live.md walks through the whole setup.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary for Node 20 on linux x64/arm64; python3, make and g++
# are here for the platforms where it must compile instead.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Compile to dist/, then keep only the dependencies the app needs at run time.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  DATA_DIR=/data \
  DATABASE_URL=sqlite:/data/pipedrive-xero.db \
  LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# bin/ asks scripts/dist-state.js whether dist/ is current; with no sources beside it, it always is,
# so the image runs only compiled JavaScript (the sandbox, for sandbox mode, is compiled in dist/ too).
# test/integration/image-layout.test.ts lays these files out as this stage does and runs them.
COPY --from=build /app/bin ./bin
COPY --from=build /app/scripts/dist-state.js ./scripts/dist-state.js
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only: readiness (database, migrations) is GET /health/ready, for the load balancer. A
# `worker` has no HTTP server but its ops listener on OPS_PORT (set it for worker containers only).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.OPS_PORT || process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Docker sends SIGTERM on stop: serve, worker and start finish what they do and exit 0 (README
# "Outages, crashes and shutdown"); give them the 20 s they may take: docker stop -t 25.
STOPSIGNAL SIGTERM
# One container on the SQLite volume: `start`, HTTP and jobs in one process (`serve` alone would
# queue every run and never take one). Compose gives each of its services its own command.
CMD ["node", "bin/pipedrive-xero.js", "start"]
