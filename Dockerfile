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

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build --chown=185 /src/web/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=185 /src/web/target/quarkus-app/*.jar /app/
COPY --from=build --chown=185 /src/web/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=185 /src/web/target/quarkus-app/quarkus/ /app/quarkus/
USER 185
EXPOSE 8080 9000
ENV JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
