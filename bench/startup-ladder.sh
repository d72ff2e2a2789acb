#!/usr/bin/env bash
# How much of hedgedesk's start to ready is the stack's own floor on this machine: empty applications of the same
# Quarkus release and packaging (aot-jar, JDK 25+ start-up cache, started by scripts/run-app.sh like the app), one
# extension group added per rung, measured alternately with hedgedesk itself:
#   1  REST + health (the readiness probe)
#   2  + Qute (one template)
#   3  + Hibernate ORM with Panache, PostgreSQL, Flyway (one entity, one migration, schema validated)
#   4  + OIDC (web-app against the local Keycloak's realm, as hedgedesk)
#   5  + hedgedesk's other extensions (OpenAPI, Validator, scheduler, REST Jackson, REST client Jackson, CSRF)
#   hedgedesk (as bench/startup.sh starts it)
# Prints, per rung and round, each start's ms to ready / ms of CPU by then. The rungs are generated and built in
# bench/target/ladder (Maven, the root pom's Quarkus version); they use the database hedgedesk_ladder.
# Usage: bench/startup-ladder.sh   (LADDER_RUNS=3 starts per rung and round, LADDER_ROUNDS=2)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
trap stop_app EXIT

LADDER_DIR=$WORK/ladder
LADDER_DB=hedgedesk_ladder
QUARKUS_VERSION=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$ROOT/pom.xml")
HEDGEDESK_APP=$APP_DIR

RUNG_EXTENSIONS=(
  "quarkus-rest quarkus-smallrye-health"
  "quarkus-rest-qute"
  "quarkus-hibernate-orm-panache quarkus-jdbc-postgresql quarkus-flyway"
  "quarkus-oidc"
  "quarkus-smallrye-openapi quarkus-hibernate-validator quarkus-scheduler quarkus-rest-jackson quarkus-rest-client-jackson quarkus-rest-csrf"
)

# write_rung N DIR: an application with the extensions of rungs 1..N and what they need to start.
write_rung() {
  local n=$1 dir=$2 deps="" artifact i
  rm -rf "$dir"
  mkdir -p "$dir/src/main/java/ladder" "$dir/src/main/resources/templates" "$dir/src/main/resources/db/migration"
  for i in $(seq 0 $((n - 1))); do
    for artifact in ${RUNG_EXTENSIONS[$i]}; do
      deps+="<dependency><groupId>io.quarkus</groupId><artifactId>$artifact</artifactId></dependency>"
    done
  done
  cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.ladder</groupId><artifactId>rung$n</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId>
    <version>$QUARKUS_VERSION</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>$deps</dependencies>
  <build><plugins><plugin><groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId>
    <version>$QUARKUS_VERSION</version><extensions>true</extensions>
    <executions><execution><goals><goal>build</goal></goals></execution></executions></plugin></plugins></build>
</project>
EOF
  printf 'package ladder;\n@jakarta.ws.rs.Path("/")\npublic class Hello {\n  @jakarta.ws.rs.GET\n  public String hello() { return "hello"; }\n}\n' \
    >"$dir/src/main/java/ladder/Hello.java"
  cat >"$dir/src/main/resources/application.properties" <<'EOF'
quarkus.package.jar.type=aot-jar
quarkus.http.port=${HTTP_PORT:8080}
quarkus.management.enabled=true
quarkus.management.port=${MANAGEMENT_PORT:9080}
EOF
  if [ "$n" -ge 2 ]; then
    echo '<p>{name}</p>' >"$dir/src/main/resources/templates/page.html"
    printf 'package ladder;\n@jakarta.ws.rs.Path("/page")\npublic class Page {\n  @jakarta.inject.Inject io.quarkus.qute.Template page;\n  @jakarta.ws.rs.GET\n  public io.quarkus.qute.TemplateInstance get() { return page.data("name", "page"); }\n}\n' \
      >"$dir/src/main/java/ladder/Page.java"
  fi
  if [ "$n" -ge 3 ]; then
    echo 'create table thing (id bigint primary key, name text not null);' >"$dir/src/main/resources/db/migration/V1__thing.sql"
    printf 'package ladder;\n@jakarta.persistence.Entity\npublic class Thing extends io.quarkus.hibernate.orm.panache.PanacheEntityBase {\n  @jakarta.persistence.Id public Long id;\n  public String name;\n}\n' \
      >"$dir/src/main/java/ladder/Thing.java"
    cat >>"$dir/src/main/resources/application.properties" <<EOF
quarkus.datasource.db-kind=postgresql
quarkus.datasource.username=$PGUSER
quarkus.datasource.password=$PGPASSWORD
quarkus.datasource.jdbc.url=jdbc:postgresql://$PGHOST:$PGPORT/$LADDER_DB
quarkus.datasource.devservices.enabled=false
quarkus.flyway.migrate-at-start=true
quarkus.hibernate-orm.schema-management.strategy=validate
EOF
  fi
  if [ "$n" -ge 4 ]; then
    cat >>"$dir/src/main/resources/application.properties" <<EOF
quarkus.oidc.application-type=web-app
quarkus.oidc.auth-server-url=http://localhost:$KEYCLOAK_PORT/realms/hedgedesk
quarkus.oidc.client-id=hedgedesk-web
quarkus.oidc.credentials.secret=hedgedesk-dev-secret
quarkus.oidc.devservices.enabled=false
quarkus.keycloak.devservices.enabled=false
EOF
  fi
}

ensure_services
HEDGEDESK_DATABASES=$LADDER_DB "$ROOT/scripts/ensure-postgres.sh" >&2
ensure_app_built
for n in 1 2 3 4 5; do
  dir=$LADDER_DIR/rung$n
  if [ ! -f "$dir/target/quarkus-app/quarkus-run.jar" ]; then
    log "building rung $n (${RUNG_EXTENSIONS[$((n - 1))]})"
    write_rung "$n" "$dir"
    (cd "$dir" && "$ROOT/mvnw" -B -ntp -q package -DskipTests) >&2
  fi
done

# measure NAME DIR: LADDER_RUNS starts of the application in DIR; the first start of a build records its cache.
measure() {
  local name=$1 results=""
  APP_DIR=$2
  for _ in $(seq 1 "${LADDER_RUNS:-3}"); do
    if [ "$name" = hedgedesk ]; then start_app; else
      launch_app
      if grep -q 'recording the start-up cache' "$WORK/app.log"; then stop_app; launch_app; fi
    fi
    results+=" $STARTUP_MS/$STARTUP_CPU_MS"
    stop_app
  done
  printf '%-10s%s\n' "$name" "$results"
}

echo "start to ready / CPU time by then (ms), LADDER_RUNS=${LADDER_RUNS:-3} starts each; $(cpu_reference); $(nproc) CPUs"
for round in $(seq 1 "${LADDER_ROUNDS:-2}"); do
  echo "round $round, $(date -u +%H:%M) UTC"
  for n in 1 2 3 4 5; do measure "rung $n" "$LADDER_DIR/rung$n/target/quarkus-app"; done
  measure hedgedesk "$HEDGEDESK_APP"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $(app_jvm)"
