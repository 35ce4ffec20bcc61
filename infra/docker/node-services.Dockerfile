# syntax=docker/dockerfile:1
# One Dockerfile for every Node.js process of Relapse Watch. The repository is one npm workspace
# compiled by one `tsc -b`, so the build is the same for all of them: it runs once, and each
# process is a small final stage (a build target) that differs only in its entry point and port.
# Build from the repository root (the build context; .dockerignore keeps node_modules, dist,
# .git, local data and .env out of it):
#   docker build -f infra/docker/node-services.Dockerfile --target gateway            -t relapse-watch/gateway .
#   docker build -f infra/docker/node-services.Dockerfile --target household-registry -t relapse-watch/household-registry .
#   docker build -f infra/docker/node-services.Dockerfile --target embedded           -t relapse-watch/embedded .
# Without --target the last stage is built: `embedded`, the default mode (`npm start`).
# docker-compose.yml builds each target once per service; BuildKit shares the stages above them.
# No secret is baked in: RESIDENT_ID_SALT and the database password come from the environment
# at run time (docker-compose.yml reads them from .env).

# Node.js 24 LTS, as the project pins it (package.json devDependency `node`). Override with
# --build-arg NODE_IMAGE=node:24.x.y-bookworm-slim for a reproducible patch level.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- manifests: only the files `npm ci` reads (package-lock.json and every package.json, at
# their paths). A change to source code leaves this stage's output unchanged, so the layers of
# the two install stages below stay cached and only `npm run build` runs again.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package-lock.json /manifests/ \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \;

# --- build: every dependency (dev included: TypeScript), then `npm run build` = `tsc -b
# tsconfig.build.json` (the dist folder of every workspace) and the web app's vite build
# (web/dist, which the gateway serves at /). The install scripts run as in development: the
# `node` package puts the pinned Node.js binary on the build's PATH.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && mkdir /out \
 && for dir in libs/*/* libs/* services/* apps/* web; do \
      if [ -d "$dir/dist" ]; then mkdir -p "/out/$dir" && cp -a "$dir/dist" "/out/$dir/"; fi; \
    done \
 && cp -a --parents services/household-registry/reference /out/

# --- production dependencies only, installed from the same lock file. Install scripts are off:
# the only ones among production packages (@parcel/watcher, @scarf/scarf, protobufjs) are
# disabled for the project too (package.json `allowScripts`).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: production node_modules (the workspace links under node_modules/@relapse-watch
# point into libs/, services/ and apps/), each workspace's package.json and dist, and the
# reference data. Nothing else: no sources, no tests, no compiler. The code belongs to root and
# is read-only for the `node` user (uid 1000) the processes run as; only /data is writable.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps /src/ ./
COPY --from=build /out/ ./
RUN mkdir -p /data && chown node:node /data
USER node
# The image has no curl: the probe is Node's own fetch against the port the process listens on.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# --- one final stage per process -------------------------------------------------------------

# The one HTTP entry point. In the distributed mode it proxies /api/registry/* to REGISTRY_URL,
# /api/inspection/* to INSPECTION_URL, /api/assistance/* to ASSISTANCE_URL and /api/reporting/* to
# REPORTING_URL.
FROM runtime AS gateway
ENV PORT=3000
EXPOSE 3000
CMD ["node", "services/gateway/dist/main.js"]

# Needs EVENT_STORE_URL, READ_STORE_URL, BUS_URL and the secret RESIDENT_ID_SALT at run time.
FROM runtime AS household-registry
ENV PORT=3001
EXPOSE 3001
CMD ["node", "services/household-registry/dist/main.js"]

# Needs EVENT_STORE_URL, READ_STORE_URL, BUS_URL and REGISTRY_URL (field corrections go there) at run time.
FROM runtime AS inspection
ENV PORT=3002
EXPOSE 3002
CMD ["node", "services/inspection/dist/main.js"]

# Needs EVENT_STORE_URL, READ_STORE_URL and BUS_URL at run time.
FROM runtime AS assistance
ENV PORT=3003
EXPOSE 3003
CMD ["node", "services/assistance/dist/main.js"]

# Needs EVENT_STORE_URL (its inbox goes to the reporting_inbox schema beside it, or REPORTING_INBOX_URL),
# READ_STORE_URL and BUS_URL at run time.
FROM runtime AS reporting
ENV PORT=3004
EXPOSE 3004
CMD ["node", "services/reporting/dist/main.js"]

# The embedded mode: every service in one process, SQLite files under /data, in-process bus.
FROM runtime AS embedded
ENV PORT=3000
EXPOSE 3000
VOLUME /data
CMD ["node", "apps/embedded/dist/main.js"]
