# Multi-stage build of the gateway (embedded mode until the infrastructure issue adds the
# distributed services). Build from the repository root:
#   docker build -f infra/docker/gateway.Dockerfile -t relapse-watch/gateway .
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY libs ./libs
COPY services ./services
COPY tsconfig.base.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /src /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
CMD ["node", "services/gateway/dist/main.js"]
