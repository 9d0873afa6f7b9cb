# The portal: a static single-page app served by nginx, which also forwards /api/ to the API container.
# Build from the repository root: docker build -f docker/portal.Dockerfile -t hocvu/portal .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV SCARF_ANALYTICS=false

# Only the workspace manifests, so `npm install` stays cached until a dependency changes (see node.Dockerfile).
FROM base AS manifests
COPY packages ./packages
RUN find packages -mindepth 2 -maxdepth 2 ! -name package.json -exec rm -rf {} +

FROM base AS build
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /app/packages ./packages
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run portal:build

FROM nginx:1.27-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
RUN rm -rf /usr/share/nginx/html/*
COPY --from=build /app/apps/portal/dist /usr/share/nginx/html
