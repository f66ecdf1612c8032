# syntax=docker/dockerfile:1
#
# One image recipe for every runnable module: the services (notifications and web included) and the gateway.
# docker-compose.yml builds it once per app with two build args:
#
#   MODULE  the module's directory, e.g. services/events or gateway
#   APP     the module's artifactId, e.g. events or gateway (the jar is target/<APP>-<version>.jar)
#
# By hand:  docker build --build-arg MODULE=services/events --build-arg APP=events -t hoithao/events .
#
# Caching: the build stage does not use MODULE or APP, so it is the same for all five images and
# BuildKit runs it once per `docker compose build` (the other four reuse it). Maven's local
# repository is a BuildKit cache mount, kept between builds: after the first build only changed
# dependencies are downloaded, even when a pom changes (a `dependency:go-offline` layer would be
# thrown away on any pom edit, and go-offline cannot resolve the reactor's own modules).

############################ build: the whole reactor, once ############################
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# The wrapper first: it pins the Maven version the README's commands use.
COPY mvnw ./
COPY .mvn/ .mvn/
# Everything else the reactor needs (.dockerignore keeps target/, .git, .devstack/ etc. out).
COPY pom.xml ./
COPY services/ services/
COPY gateway/ gateway/
# infra/devstack, infra/bench and infra/faults are listed in the parent's <modules>; their poms must
# exist even though they are not built.
COPY infra/devstack/pom.xml infra/devstack/
COPY infra/bench/pom.xml infra/bench/
COPY infra/faults/pom.xml infra/faults/

# The devstack (embedded Kafka + Mongo for machines without Docker) is not part of the images.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    chmod +x mvnw \
    && ./mvnw -B -q package -DskipTests -pl '!infra/devstack,!infra/bench,!infra/faults'

############################ jar: pick one module's fat jar ############################
FROM build AS jar
ARG MODULE
ARG APP
# Fails the build when MODULE/APP are missing or name no jar (or more than one).
RUN test -n "${MODULE}" && test -n "${APP}" \
    && set -- "${MODULE}/target/${APP}"-*.jar \
    && test "$#" -eq 1 && test -f "$1" \
    && cp "$1" /workspace/app.jar

############################ runtime ############################
FROM eclipse-temurin:17-jre

# The compose healthchecks call curl. Temurin's Ubuntu images ship curl today ("required for
# historical reasons", adoptium/containers#255); install it only if a future base image drops it.
RUN if ! command -v curl >/dev/null 2>&1; then \
        apt-get update \
        && apt-get install -y --no-install-recommends curl \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && groupadd --system --gid 10001 hoithao \
    && useradd --system --uid 10001 --gid hoithao --home-dir /app --shell /usr/sbin/nologin hoithao \
    && mkdir -p /app \
    && chown hoithao:hoithao /app

WORKDIR /app
COPY --from=jar --chown=hoithao:hoithao /workspace/app.jar /app/app.jar
USER hoithao:hoithao

# The app's port: server.port in its application.yml (compose passes it and sets SERVER_PORT).
# Declared this late so the layers above stay shared by all five images.
ARG PORT=8080
EXPOSE ${PORT}

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
