# Knead's two applications, built from this repository (multi-stage; docker-compose.yml uses it).
#   docker build --target admin-ui   -t knead-admin-ui .
#   docker build --target public-api -t knead-public-api .
# Both expect MONGODB_URI (a real MongoDB); without it they fall back to the embedded store
# inside the container, which is only good for a quick look.

# ---- build: both jars, with the production frontend bundle of the admin console.
# Vaadin builds the frontend with Node; when the image has none, it downloads Node itself.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests -Pproduction package \
 && cp admin-ui/target/knead-admin-ui-*.jar /admin-ui.jar \
 && cp public-api/target/knead-public-api-*.jar /public-api.jar

# ---- common runtime: a JRE, curl for the health checks, an unprivileged user.
FROM eclipse-temurin:17-jre-jammy AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app knead
WORKDIR /app
USER knead
ENV KNEAD_DATA_DIR=/app/data

# ---- the public read API (port 8081); its search index is rebuilt from MongoDB on start.
FROM runtime AS public-api
COPY --from=build /public-api.jar /app/app.jar
ENV KNEAD_API_PORT=8081
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=12 \
  CMD curl -fsS http://localhost:8081/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]

# ---- the admin console (port 8080); the last stage, so the default target.
FROM runtime AS admin-ui
COPY --from=build /admin-ui.jar /app/app.jar
ENV KNEAD_ADMIN_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=12 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
