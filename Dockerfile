# Ärendevakt as a container: Node 24 LTS (slim), two stages. The build stage has the dev tools
# (TypeScript); the runtime stage has only the production install, runs as the non-root user `node`,
# and starts node itself (exec form) so SIGTERM from `docker stop` reaches the bot, which then
# finishes requests and writes and exits 0.
#
# The RUN steps are the same commands .ci/production-path runs on every CI run (fresh clone ->
# npm ci && npm run build; npm ci --omit=dev; node dist/main.js; /readyz 200; SIGTERM; exit 0).
# That script is tested; this file has not been built here (no Docker engine on the CI machine).
#
#   docker build -t arendevakt .
#   docker run -p 3978:3978 -e HOST=0.0.0.0 -v arendevakt-data:/app/data --env-file .env arendevakt

FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_FILE=/app/data/db.json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY cards ./cards
COPY data/organisation.example.json ./data/organisation.example.json
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3978
# /livez answers while the process does; /readyz is for a load balancer in front.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
VOLUME ["/app/data"]
CMD ["node", "dist/main.js"]
