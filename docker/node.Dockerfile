# One image for the API, the worker and one-off CLI jobs; the command picks which (see docker-compose.yml):
#   API         node apps/api/dist/apps/api/src/main.js        (the default)
#   worker      node apps/worker/dist/apps/worker/src/main.js
#   migrations  node apps/api/dist/apps/api/src/cli.js migrate
#   VNeID sim   node apps/vneid-sim/dist/apps/vneid-sim/src/main.js   (trials and tests only, never production)
# Build from the repository root: docker build -f docker/node.Dockerfile -t hocvu/node .
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# package.json's allowScripts keeps @scarf/scarf's install script (telemetry) from running; the npm in this
# image predates allowScripts, so say no the way Scarf reads it.
ENV SCARF_ANALYTICS=false

# Only the workspace manifests, so the `npm install` layers stay cached until a dependency changes.
# (A plain `COPY packages/*/package.json` would flatten them all into one folder.)
FROM base AS manifests
COPY packages ./packages
RUN find packages -mindepth 2 -maxdepth 2 ! -name package.json -exec rm -rf {} +

FROM base AS deps
COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /app/packages ./packages
RUN npm install --no-audit --no-fund

FROM deps AS build
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY . .
RUN npx nx run-many -t build --projects=contracts,server-kit,media,assessment,progress,attestation,credentials,certificate-pdf,api,worker,vneid-sim

FROM base AS runtime
# ffmpeg: the worker transcodes lesson videos. fonts-noto-core: Vietnamese glyphs in rendered PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg fonts-noto-core \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /app/packages ./packages
# `npm install` rather than `npm ci`: the lockfile is written by npm 11, which leaves out other
# platforms' optional native packages (@swc/core-*, …); `npm ci` rejects that, `npm install` keeps
# every locked version and only resolves the missing platform entries.
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
# node_modules/@hocvu/* link to packages/*, whose package.json "main" points into dist/.
COPY --from=build /app/packages/contracts/dist ./packages/contracts/dist
COPY --from=build /app/packages/server-kit/dist ./packages/server-kit/dist
COPY --from=build /app/packages/media/dist ./packages/media/dist
COPY --from=build /app/packages/assessment/dist ./packages/assessment/dist
COPY --from=build /app/packages/progress/dist ./packages/progress/dist
COPY --from=build /app/packages/attestation/dist ./packages/attestation/dist
COPY --from=build /app/packages/credentials/dist ./packages/credentials/dist
COPY --from=build /app/packages/certificate-pdf/dist ./packages/certificate-pdf/dist
COPY packages/certificate-pdf/fonts ./packages/certificate-pdf/fonts
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/worker/dist ./apps/worker/dist
COPY --from=build /app/apps/vneid-sim/dist ./apps/vneid-sim/dist
# The commune list `cli.js seed` loads for a demo install.
COPY apps/api/seed-data ./apps/api/seed-data
# Uploaded and transcoded media (STORAGE_PATH, UPLOAD_PATH). Made here, owned by `node`, so that a fresh named volume
# mounted on it starts out writable by the app.
RUN mkdir -p /var/lib/hocvu && chown node:node /var/lib/hocvu
USER node
EXPOSE 3000
# No HEALTHCHECK: the worker and migration containers run this image too and serve no HTTP.
# The API's and the VNeID simulator's checks are in docker-compose.yml.
# Capped old generation keeps the API under its 250 MB RSS budget (docs/performance.md).
CMD ["node", "--max-old-space-size=192", "apps/api/dist/apps/api/src/main.js"]
