# The quarry image the Kubernetes manifests in deploy/kubernetes run.
# Build: docker build -t quarry:latest .
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY data/gazetteers ./data/gazetteers
COPY data/models ./data/models
COPY pipeline.config.ts tsconfig.json ./
ENTRYPOINT ["node", "/app/bin/quarry.mjs"]
