# The daemon as an image: `docker build -t applicant-triage .`, then run it with a configuration mounted at
# /etc/applicant-triage/triage.yaml (or TRIAGE_CONFIG pointing elsewhere) and the secrets as environment variables.
# The build stage compiles the TypeScript (dev dependencies included); the runtime stage has production
# dependencies, dist/ and the shipped reply templates only, and runs as the unprivileged `node` user.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workers ./workers
RUN npm run build

FROM node:24-bookworm-slim
# tini is PID 1: it hands SIGTERM from `docker stop` to the daemon and reaps zombies. Tesseract (with the languages
# extraction.ocr reads by default) and poppler's pdftoppm read scans; util-linux's prlimit bounds them.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu \
    tesseract-ocr-fra tesseract-ocr-ita tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-chi-sim poppler-utils \
    util-linux \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/applicant-triage
ENV NODE_ENV=production \
  TRIAGE_CONFIG=/etc/applicant-triage/triage.yaml \
  TRIAGE_LOG_FORMAT=json
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY config/templates ./config/templates
USER node
# Needs the operator endpoint in the configuration: `http: { port: 9317 }` (127.0.0.1 is enough for this check).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9317/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The daemon drains for up to workers.shutdownSeconds after SIGTERM: give `docker stop` at least that (-t 30).
STOPSIGNAL SIGTERM
ENTRYPOINT ["tini", "--"]
CMD ["node", "--max-semi-space-size=4", "dist/src/cli/main.js", "start"]
