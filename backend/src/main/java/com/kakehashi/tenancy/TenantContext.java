package com.kakehashi.tenancy;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.PropagatedContext;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place that knows which tenant the current work belongs to. Requests get it from
 * {@link TenantAccessFilter}; background work and the demo seeder enter it explicitly with
 * {@link #callAs}. Both Micronaut Data (discriminator) and PostgreSQL (Row Level Security) read it.
 */
public final class TenantContext {

    /** Applies a switch to a connection that is already open; installed by the RLS customizer. */
    private static volatile Function<Supplier<?>, Object> connectionSwitch = Supplier::get;

    private TenantContext() {
    }

    static void onSwitch(Function<Supplier<?>, Object> hook) {
        connectionSwitch = hook;
    }

    public static Optional<UUID> current() {
        return PropagatedContext.find()
                .flatMap(ctx -> ctx.find(CurrentTenant.class))
                .map(CurrentTenant::id);
    }

    public static UUID require() {
        return current().orElseThrow(() -> new IllegalStateException("no tenant in context"));
    }

    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        PropagatedContext context = with(PropagatedContext.getOrEmpty(), tenantId);
        try (PropagatedContext.Scope ignored = context.propagate()) {
            @SuppressWarnings("unchecked")
            T result = (T) connectionSwitch.apply(work);
            return result;
        }
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** The given context with the tenant set (replacing any tenant there) and in the log MDC. */
    private static PropagatedContext with(PropagatedContext context, UUID tenantId) {
        PropagatedContext result = context;
        for (CurrentTenant old : context.findAll(CurrentTenant.class).toList()) {
            result = result.minus(old);
        }
        Optional<MdcPropagationContext> oldMdc = result.find(MdcPropagationContext.class);
        MdcPropagationContext mdc = mdcWithTenant(oldMdc, tenantId);
        result = oldMdc.isPresent() ? result.replace(oldMdc.get(), mdc) : result.plus(mdc);
        return result.plus(new CurrentTenant(tenantId));
    }

    /** Sets the tenant for the rest of an HTTP request (used by the request filter). */
    static void enter(MutablePropagatedContext request, UUID tenantId) {
        PropagatedContext context = request.getContext();
        context.findAll(CurrentTenant.class).toList().forEach(request::remove);
        Optional<MdcPropagationContext> oldMdc = context.find(MdcPropagationContext.class);
        MdcPropagationContext mdc = mdcWithTenant(oldMdc, tenantId);
        if (oldMdc.isPresent()) {
            request.replace(oldMdc.get(), mdc);
        } else {
            request.add(mdc);
        }
        request.add(new CurrentTenant(tenantId));
    }

    private static MdcPropagationContext mdcWithTenant(Optional<MdcPropagationContext> old, UUID tenantId) {
        Map<String, String> values = new HashMap<>();
        old.ifPresent(m -> values.putAll(m.state()));
        values.put("tenantId", tenantId.toString());
        return new MdcPropagationContext(values);
    }
}
