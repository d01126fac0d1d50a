package dev.agentconsole.app.profiles;

import dev.agentconsole.agent.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles of one data folder, in {@code profiles.json} (see {@link ProfileJson}); the built-in
 * Demo profile is listed first and never stored. Names are told apart whatever their case.
 *
 * <p>Reading never fails: a file that is not a profiles document is kept aside as
 * {@code profiles.json.damaged-<time>} and the list starts empty; an entry that breaks the rules is
 * skipped and the file as it was is copied aside before anything is saved over it; a file from a
 * newer console is left alone and nothing is saved over it. {@link #notice()} says which. Every
 * change is written whole to a temporary file and moved over the old one, after reading the file
 * again, so a change made by another process (the command line beside the window) is kept.
 * Synchronized: the window's threads and a command share one.
 */
public final class Profiles {

    public static final String FILE_NAME = "profiles.json";
    /** Larger than any honest list of profiles: a file or an import over it is refused unread. */
    public static final int MAX_CHARS = 1_000_000;

    private final ProfilesFile file;
    private List<Profile> stored = List.of();
    private Optional<String> notice = Optional.empty();
    /** Not to be saved over: it was written by a newer console, or could not be read or moved aside. */
    private Optional<String> readOnly = Optional.empty();
    /** The file's modification time and size when last read or written, to notice another process's change. */
    private Optional<List<Object>> seen = Optional.empty();

    private Profiles(Path file) {
        this.file = new ProfilesFile(file);
    }

    /** The folder's profiles; a missing file is no profiles yet. */
    public static Profiles load(Path dataFolder) {
        Profiles profiles = new Profiles(dataFolder.resolve(FILE_NAME));
        synchronized (profiles) {
            profiles.refresh();
        }
        return profiles;
    }

    public Path file() {
        return file.path();
    }

    /** What went wrong reading the file, in a sentence for the operator (damaged, newer, unreadable). */
    public synchronized Optional<String> notice() {
        return notice;
    }

    /** The built-in Demo profile first, then the stored ones in their order. */
    public synchronized List<Profile> all() {
        refresh();
        List<Profile> all = new ArrayList<>(stored.size() + 1);
        all.add(Profile.DEMO);
        all.addAll(stored);
        return List.copyOf(all);
    }

    /** The profile with this name, whatever its case ("demo" is the built-in one). */
    public synchronized Optional<Profile> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (Profile.isDemoName(name)) {
            return Optional.of(Profile.DEMO);
        }
        refresh();
        return stored.stream().filter(p -> p.key().equals(Profile.key(name))).findFirst();
    }

    public synchronized void add(Profile profile) {
        List<Profile> next = writable();
        if (profile.isDemo()) {
            throw new InvalidInputException("the Demo profile is built in: it is always there");
        }
        if (indexOf(next, profile.name()) >= 0) {
            throw new InvalidInputException("a profile named '" + existing(next, profile.name()) + "' already exists "
                    + "(names are told apart whatever their case)");
        }
        next.add(profile);
        save(next);
    }

    /** Replaces the profile named {@code name} (whatever its case) in its place; the new one may have a new name. */
    public synchronized void replace(String name, Profile profile) {
        List<Profile> next = writable();
        int at = indexOfStored(next, name, "changed");
        if (profile.isDemo()) {
            throw new InvalidInputException("a stored profile cannot become the built-in Demo profile");
        }
        int other = indexOf(next, profile.name());
        if (other >= 0 && other != at) {
            throw new InvalidInputException("a profile named '" + next.get(other).name() + "' already exists "
                    + "(names are told apart whatever their case)");
        }
        next.set(at, profile);
        save(next);
    }

    public synchronized void remove(String name) {
        List<Profile> next = writable();
        next.remove(indexOfStored(next, name, "removed"));
        save(next);
    }

    /** The stored profiles as a document for {@link #importJson}: no key, no Demo. */
    public synchronized String exportJson() {
        refresh();
        return ProfileJson.write(stored);
    }

    /**
     * What an import did. When {@code existing} is not empty, nothing was imported: those names are
     * stored already and replacing them was not asked for.
     */
    public record Imported(List<String> added, List<String> replaced, List<String> existing) {
        public boolean done() {
            return existing.isEmpty();
        }
    }

    /**
     * Imports a document written by {@link #exportJson}: all of it or nothing. Every entry is checked
     * first and the first problem refuses the whole import (a half-done import leaves the operator
     * to find out which half); profiles with new names are added at the end; ones whose names exist
     * replace them in place only with {@code replaceExisting}, else nothing is imported and
     * {@link Imported#existing()} names them, so the caller can ask.
     */
    public synchronized Imported importJson(String json, boolean replaceExisting) {
        List<Profile> next = writable();
        if (json.length() > MAX_CHARS) {
            throw new InvalidInputException("nothing was imported: the text is over " + MAX_CHARS
                    + " characters, far more than any list of profiles");
        }
        ProfileJson.Read read;
        try {
            read = ProfileJson.read(json);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("nothing was imported: " + e.getMessage());
        }
        if (read.version() > ProfileJson.VERSION) {
            throw new InvalidInputException("nothing was imported: it was written by a newer Agent Console (version "
                    + read.version() + "; this one reads " + ProfileJson.VERSION + ")");
        }
        List<Profile> incoming = new ArrayList<>();
        Map<String, Integer> seenNames = new HashMap<>();
        for (ProfileJson.Entry e : read.entries()) {
            if (e.problem().isPresent()) {
                throw new InvalidInputException("nothing was imported: " + e.problem().get());
            }
            Profile p = e.profile().orElseThrow();
            if (p.isDemo()) {
                throw new InvalidInputException("nothing was imported: profile " + e.position()
                        + " is the built-in Demo profile, which is never imported");
            }
            Integer twin = seenNames.putIfAbsent(p.key(), e.position());
            if (twin != null) {
                throw new InvalidInputException("nothing was imported: profiles " + twin + " and " + e.position()
                        + " are both named '" + p.name() + "' (names are told apart whatever their case)");
            }
            incoming.add(p);
        }
        List<String> added = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (Profile p : incoming) {
            int at = indexOf(next, p.name());
            if (at < 0) {
                next.add(p);
                added.add(p.name());
            } else {
                existing.add(next.get(at).name());
                next.set(at, p);
                replaced.add(p.name());
            }
        }
        if (!existing.isEmpty() && !replaceExisting) {
            return new Imported(List.of(), List.of(), List.copyOf(existing));
        }
        if (!incoming.isEmpty()) {
            save(next);
        }
        return new Imported(List.copyOf(added), List.copyOf(replaced), List.of());
    }

    // ---- the file ----------------------------------------------------------------------------------------

    /** The stored list to change, read again first; refused when the file must not be saved over. */
    private List<Profile> writable() {
        refresh();
        readOnly.ifPresent(why -> {
            throw new InvalidInputException(why);
        });
        return new ArrayList<>(stored);
    }

    private static int indexOf(List<Profile> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equals(Profile.key(name))) {
                return i;
            }
        }
        return -1;
    }

    private static String existing(List<Profile> list, String name) {
        return list.get(indexOf(list, name)).name();
    }

    private static int indexOfStored(List<Profile> list, String name, String what) {
        if (Profile.isDemoName(name)) {
            throw new InvalidInputException("the built-in Demo profile cannot be " + what);
        }
        int at = indexOf(list, name);
        if (at < 0) {
            throw new InvalidInputException("no profile named '" + name + "'");
        }
        return at;
    }

    /** Reads the file again when it changed since it was last read or written (or was never read). */
    private void refresh() {
        Optional<List<Object>> now = file.stamp();
        if (now.equals(seen)) {
            return;
        }
        ProfilesFile.Loaded loaded = file.read();
        stored = loaded.profiles();
        loaded.notice().ifPresent(n -> notice = Optional.of(n));
        readOnly = loaded.readOnly();
        seen = file.stamp();
    }

    private void save(List<Profile> next) {
        file.write(next);
        stored = List.copyOf(next);
        seen = file.stamp();
    }
}
