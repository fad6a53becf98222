package com.kakehashi.console.shell;

import com.vaadin.flow.server.VaadinService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The backend's demo mailbox ({@code /demo/mailbox}), which exists only in demo mode. The server asks for it once
 * at start-up and registers it in the servlet context when it answers 200; the header then links to it.
 */
public record DemoMailbox(URI uri) {

    /** Vaadin's context looks servlet-context attributes up by class name. */
    public static final String ATTRIBUTE = DemoMailbox.class.getName();

    public static Optional<DemoMailbox> probe(URI apiUrl) {
        var uri = URI.create(apiUrl + "/demo/mailbox");
        try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            var response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.of(new DemoMailbox(uri)) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public static Optional<DemoMailbox> current() {
        var service = VaadinService.getCurrent();
        return service == null ? Optional.empty()
                : Optional.ofNullable(service.getContext().getAttribute(DemoMailbox.class));
    }
}
