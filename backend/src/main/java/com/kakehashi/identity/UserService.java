package com.kakehashi.identity;

import com.kakehashi.web.ConflictException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Console users. Global (not per tenant): who may enter which tenant is the tenant feature's business. */
@Singleton
public class UserService {

    static final String PASSWORD_TOO_LONG = "must be at most " + PasswordHasher.MAX_BYTES
            + " bytes in UTF-8 (about 24 Japanese characters): bcrypt ignores anything longer";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Every way a password is set goes through here (user creation, the first operator). */
    @Transactional
    public UserView create(NewUser command) {
        if (PasswordHasher.tooLong(command.password())) {
            throw new InvalidInputException("password", PASSWORD_TOO_LONG);
        }
        String email = command.email().trim().toLowerCase(Locale.ROOT);
        if (users.existsByEmail(email)) {
            throw new ConflictException("email", "A user with this email already exists.");
        }
        AppUser user = new AppUser(UUID.randomUUID(), email, command.displayName().trim(), command.role(),
                hasher.hash(command.password()), true, clock.instant());
        return UserView.of(users.save(user));
    }

    @Transactional
    public List<UserView> list() {
        return users.listOrderByEmail().stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("user"));
    }

    @Transactional
    public Optional<UserView> find(UUID id) {
        return users.findById(id).map(UserView::of);
    }

    @Transactional
    public List<UserView> findAll(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : users.findByIdIn(ids).stream().map(UserView::of).toList();
    }
}
