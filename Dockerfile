# Builds and runs hedgedesk. Used by docker-compose.yml; configuration comes from the environment (README).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY domain/ domain/
COPY pricing/ pricing/
COPY persistence/ persistence/
COPY web/ web/
RUN ./mvnw -B -ntp -DskipTests package

# The runtime is JDK 25 (the code targets Java 17) for its ahead-of-time cache: scripts/run-app.sh records it during
# the first run of this image and the JVM writes it at the container's stop (docker-compose.yml gives the stop time
# and a volume that keeps it); later starts take about half as long. HEDGEDESK_AOT_CACHE=off runs without it.
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build --chown=185 /src/web/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=185 /src/web/target/quarkus-app/*.jar /app/
COPY --from=build --chown=185 /src/web/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=185 /src/web/target/quarkus-app/quarkus/ /app/quarkus/
COPY --chown=185 scripts/run-app.sh /app/scripts/run-app.sh
RUN mkdir -p /app/aot && chown 185 /app/aot
USER 185
EXPOSE 8080 9000
ENV HEDGEDESK_APP_DIR=/app HEDGEDESK_AOT_CACHE_FILE=/app/aot/app.aot JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["/app/scripts/run-app.sh"]
