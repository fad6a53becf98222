package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Tenant;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A client's data as a whole: the export zip anyone who may see the tenant's data settings can take,
 * and offboarding, which only an operator is offered and only once the client's name has been typed
 * exactly (the backend checks it again, and does everything in one transaction).
 */
public final class TenantDataPresenter {

    public interface View {
        /** @param offboarding whether the user may delete the client's account */
        void show(Tenant tenant, boolean offboarding);

        /** The typed name is not the client's: nothing was sent. */
        void nameDoesNotMatch();

        /** The client's account is gone; the view leaves the page. */
        void offboarded(String name);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final CurrentUser user;
    private final UUID tenantId;
    private final View view;
    private Tenant tenant;

    public TenantDataPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.user = user;
        this.tenantId = tenantId;
        this.view = view;
    }

    public void load() {
        try {
            tenant = api.tenant(tenantId);
            view.show(tenant, user.role().canOffboardTenants());
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** The zip file name the browser saves: the client's name, made safe for every file system. */
    public String exportFileName() {
        String name = tenant == null ? "tenant" : tenant.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        return "kakehashi-export-" + name + ".zip";
    }

    /** Streams the backend's export to {@code out}; the temporary copy is deleted whatever happens. */
    public void export(OutputStream out) throws IOException {
        Path file = api.exportTenant(tenantId);
        try {
            Files.copy(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public void offboard(String typedName) {
        if (tenant == null || typedName == null || !tenant.name().equals(typedName.strip())) {
            view.nameDoesNotMatch();
            return;
        }
        try {
            api.offboardTenant(tenantId, tenant.name());
            view.offboarded(tenant.name());
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
