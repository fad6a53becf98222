package com.kakehashi.console.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Gives every console request its id ({@link RequestIds}) for the API calls it makes and the
 * console's log, and returns it in the response's {@code X-Request-Id}.
 */
public final class RequestIdFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try (RequestIds.Scope scope = RequestIds.enter(((HttpServletRequest) request).getHeader(RequestIds.HEADER))) {
            ((HttpServletResponse) response).setHeader(RequestIds.HEADER, scope.id());
            chain.doFilter(request, response);
        }
    }
}
