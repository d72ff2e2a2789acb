package io.hedgedesk.web.security.inventory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every route of the application, found by reading the compiled classes of {@code io.hedgedesk.web} (JAX-RS
 * resources), so a new resource method is tested without anyone listing it. The few routes that Quarkus itself
 * serves (OIDC login callback and logout, static files, OpenAPI) are listed in {@link #FRAMEWORK}.
 */
final class Routes {

    /**
     * One HTTP method on one path template ({@code /portfolios/{portfolioId}}), with the media type it reads, whether it
     * requires the installation administrators' role ({@code @RolesAllowed}), and the generic type of its request body
     * (the one parameter without a binding annotation; {@code null} when none).
     */
    record Route(String method, String path, String consumes, boolean adminOnly, java.lang.reflect.Type body)
            implements Comparable<Route> {

        boolean isGet() {
            return method.equals("GET");
        }

        boolean isJson() {
            return consumes.equals("application/json");
        }

        boolean isMultipart() {
            return consumes.equals("multipart/form-data");
        }

        /** The names of the path parameters, in order. */
        List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        @Override
        public int compareTo(Route o) {
            return Comparator.comparing(Route::path)
                    .thenComparing(Route::method)
                    .compare(this, o);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Routes served by Quarkus extensions, not by our resources. */
    static final Set<String> FRAMEWORK = Set.of(
            "GET /login/callback",
            "GET /logout",
            "POST /logout",
            "POST /logout/backchannel",
            "GET /static/*",
            "GET /favicon.ico",
            "GET /q/openapi");

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)(?:\\s*:[^}]*)?}");
    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final String ROOT_PACKAGE = "io/hedgedesk/web";

    private Routes() {}

    /** Every JAX-RS resource method of {@code io.hedgedesk.web}, sorted by path. */
    static List<Route> all() {
        TreeSet<Route> routes = new TreeSet<>();
        for (Class<?> type : webClasses()) {
            if (type.isInterface()) {
                continue; // REST client interfaces (the venues' APIs) carry @Path too, but are called, not served
            }
            Path classPath = type.getAnnotation(Path.class);
            for (Method m : type.getDeclaredMethods()) {
                String httpMethod = httpMethod(m);
                Path methodPath = m.getAnnotation(Path.class);
                if (httpMethod == null) {
                    if (methodPath != null) {
                        throw new IllegalStateException("sub-resource locator " + m + ": extend Routes to follow it");
                    }
                    continue;
                }
                if (classPath == null) {
                    throw new IllegalStateException(m + " has an HTTP method but its class has no @Path");
                }
                String path = normalize(classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
                routes.add(new Route(
                        httpMethod,
                        path,
                        consumes(type, m),
                        m.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(RolesAllowed.class),
                        body(m)));
            }
        }
        return List.copyOf(routes);
    }

    /** A concrete path: every {name} replaced by {@code values.apply(name)}. */
    static String fill(Route route, java.util.function.Function<String, String> values) {
        Matcher m = PARAMETER.matcher(route.path());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static java.lang.reflect.Type body(Method m) {
        for (int i = 0; i < m.getParameterCount(); i++) {
            if (m.getParameterAnnotations()[i].length == 0) {
                return m.getGenericParameterTypes()[i];
            }
        }
        return null;
    }

    private static String consumes(Class<?> type, Method m) {
        Consumes c = m.getAnnotation(Consumes.class) != null
                ? m.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        return c == null || c.value().length == 0 ? "" : c.value()[0];
    }

    /** Joins the segments, drops path regexes ({hedgeId: [0-9]+} → {hedgeId}) and duplicate or trailing slashes. */
    static String normalize(String raw) {
        String path = PARAMETER.matcher(raw).replaceAll("{$1}");
        path = ("/" + path).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> webClasses() {
        java.nio.file.Path root = CLASSES.resolve(ROOT_PACKAGE);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("compiled classes not found at " + root.toAbsolutePath());
        }
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            List<Class<?>> classes = new ArrayList<>();
            for (java.nio.file.Path f :
                    files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, Routes.class.getClassLoader()));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
