package com.kakehashi.console;

import com.kakehashi.console.api.RequestIdFilter;
import com.kakehashi.console.api.RestAuthenticator;
import com.kakehashi.console.i18n.ConsoleI18NProvider;
import com.kakehashi.console.shell.ConsoleContext;
import com.kakehashi.console.shell.DemoMailbox;
import com.vaadin.flow.server.InitParameters;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

import jakarta.servlet.DispatcherType;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;

/** The embedded Jetty hosting Vaadin; every jar and class folder on the class path is scanned for Vaadin's initialisers. */
public final class ConsoleServer {

    private final Server server;

    private ConsoleServer(Server server) {
        this.server = server;
    }

    public static ConsoleServer start(ConsoleConfig config) throws Exception {
        var server = new Server();
        var http = new HttpConfiguration();
        // No "Server: Jetty(12.x)" header: nothing to tell a scanner which CVEs to try.
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);

        var context = new WebAppContext();
        context.setContextPath("/");
        // The context's own resource factory throws when the server stops; the root one lives as long as the JVM.
        var webRoot = Objects.requireNonNull(ConsoleServer.class.getResource("/META-INF/resources"),
                "META-INF/resources missing from the class path");
        context.setBaseResource(ResourceFactory.root().newResource(webRoot.toURI()));
        context.setConfigurationDiscovered(true);
        context.setParentLoaderPriority(true);
        context.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", ".*\\.jar|.*/classes/.*");
        context.setInitParameter(InitParameters.I18N_PROVIDER, ConsoleI18NProvider.class.getName());
        // The session cookie is the login: no script may read it, other sites' links and forms do not
        // carry it (Lax keeps a plain link into the console working), and over HTTPS it stays there.
        var sessions = context.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureRequestOnly(true);
        sessions.setSecureCookies(config.behindProxy());
        context.setAttribute(ConsoleContext.AUTHENTICATOR_ATTRIBUTE, new RestAuthenticator(config.apiUrl(), config.behindProxy()));
        DemoMailbox.probe(config.apiUrl()).ifPresent(mailbox -> context.setAttribute(DemoMailbox.ATTRIBUTE, mailbox));
        // One id per console request, forwarded to the backend with each API call it makes.
        context.addFilter(RequestIdFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        return new ConsoleServer(server);
    }

    public URI uri() {
        return server.getURI();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }
}
