package dev.agentconsole.app.profiles;

import dev.agentconsole.agent.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code profiles.json} itself: reading it without ever failing (what could not be used is kept
 * aside and said in a notice), and writing it whole (a temporary file moved over the old one).
 */
final class ProfilesFile {

    private final Path path;

    ProfilesFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * What was read.
     *
     * @param notice   what went wrong, in a sentence for the operator
     * @param readOnly why the file must not be saved over (a newer console's, or one that could not be read or kept aside)
     */
    record Loaded(List<Profile> profiles, Optional<String> notice, Optional<String> readOnly) {
        static Loaded fine(List<Profile> profiles) {
            return new Loaded(List.copyOf(profiles), Optional.empty(), Optional.empty());
        }

        static Loaded refusing(String why) {
            return new Loaded(List.of(), Optional.of(why), Optional.of(why));
        }
    }

    /** The file's modification time, size and identity, to notice a change by another process; empty when there is none. */
    Optional<List<Object>> stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey())));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            return folderMissing() ? Optional.empty() : Optional.of(List.of(e.toString()));
        }
    }

    Loaded read() {
        String json;
        try {
            if (Files.size(path) > Profiles.MAX_CHARS * 4L) {
                return damaged("it is over " + Profiles.MAX_CHARS + " characters");
            }
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Loaded.fine(List.of());
        } catch (CharacterCodingException e) {
            return damaged("it is not UTF-8 text");
        } catch (IOException e) {
            if (folderMissing()) {
                return Loaded.fine(List.of()); // saving says what is wrong with the folder
            }
            return Loaded.refusing(name() + " could not be read (" + e.getMessage() + "): no profiles this time, and none "
                    + "are saved over it");
        }
        ProfileJson.Read read;
        try {
            read = ProfileJson.read(json);
        } catch (InvalidInputException e) {
            return damaged(e.getMessage());
        }
        if (read.version() > ProfileJson.VERSION) {
            return Loaded.refusing(name() + " was written by a newer Agent Console (version " + read.version() + "; this "
                    + "one reads " + ProfileJson.VERSION + "): it is left as it is and its profiles are not shown. "
                    + "Update the console.");
        }
        List<Profile> good = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ProfileJson.Entry e : read.entries()) {
            Optional<Profile> p = e.profile();
            if (p.isEmpty()) {
                problems.add(e.problem().orElseThrow());
            } else if (p.get().isDemo()) {
                problems.add("profile " + e.position() + " is the built-in Demo profile, which is not stored");
            } else if (good.stream().anyMatch(g -> g.key().equals(p.get().key()))) {
                problems.add("profile " + e.position() + " has the name '" + p.get().name() + "' of an earlier one");
            } else {
                good.add(p.get());
            }
        }
        if (problems.isEmpty()) {
            return Loaded.fine(good);
        }
        String what = name() + ": " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        try {
            Path aside = aside(false);
            return new Loaded(List.copyOf(good), Optional.of(what + ". Skipped; the file as it was is kept as "
                    + aside.getFileName() + "."), Optional.empty());
        } catch (IOException e) {
            String why = what + ". Skipped, and the file could not be copied aside (" + e.getMessage()
                    + "): nothing is saved over it.";
            return new Loaded(List.copyOf(good), Optional.of(why), Optional.of(why));
        }
    }

    /** Not a profiles document at all: moved aside, and the list starts empty. */
    private Loaded damaged(String why) {
        try {
            Path aside = aside(true);
            return new Loaded(List.of(), Optional.of(name() + " was damaged (" + why + "). It was kept aside as "
                    + aside.getFileName() + " and the profiles start empty."), Optional.empty());
        } catch (IOException e) {
            if (folderMissing()) {
                return Loaded.fine(List.of()); // saving says what is wrong with the folder
            }
            return Loaded.refusing(name() + " was damaged (" + why + ") and could not be moved aside (" + e.getMessage()
                    + "): no profiles this time, and none are saved over it.");
        }
    }

    private Path aside(boolean move) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = path.resolveSibling(name() + ".damaged-" + stamp);
        if (move) {
            Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.copy(path, aside, StandardCopyOption.REPLACE_EXISTING);
        }
        return aside;
    }

    /** Written whole to a temporary file and moved over the old one: a crash leaves one or the other. */
    void write(List<Profile> profiles) {
        try {
            Files.createDirectories(path.getParent());
            Path temp = path.resolveSibling(name() + ".tmp");
            Files.writeString(temp, ProfileJson.write(profiles), StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException("could not save " + path + " (" + e.getMessage() + "): nothing was changed. "
                    + "Choose a writable data folder with --data-dir");
        }
    }

    /** The data folder is not there (or is not a folder): no profiles yet. */
    private boolean folderMissing() {
        return !Files.isDirectory(path.getParent());
    }

    private String name() {
        return path.getFileName().toString();
    }
}
