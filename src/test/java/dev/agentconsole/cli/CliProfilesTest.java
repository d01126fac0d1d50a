package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile list|add|edit|remove|export|import} through {@link Cli#run}: what each prints and its exit code. */
class CliProfilesTest {

    @TempDir
    Path data;

    private CliRun run(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = data.toString();
        return CliRun.of(env, all);
    }

    private CliRun run(String... args) {
        return run(Map.of(), args);
    }

    private static void refused(CliRun run, String says) {
        assertEquals(ExitCodes.BAD_INPUT, run.code(), run.out() + run.err());
        assertTrue(run.err().startsWith("bad input: "), run.err());
        assertTrue(run.err().contains(says), "expected '" + says + "' in: " + run.err());
    }

    @Test
    void listShowsTheBuiltInDemoFirstAndWhereEachKeyComesFrom() {
        assertEquals(0, run("profile", "add", "prod", "--provider", "hcompany", "--colour", "red").code());
        assertEquals(0, run("profile", "add", "agi", "--provider", "agi").code());
        CliRun list = run(Map.of("HAI_API_KEY", "hk-1"), "profile", "list");
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(4, lines.size(), list.out());
        assertTrue(lines.get(0).matches("NAME +PROVIDER +BASE URL +HOSTS +COLOUR +KEY"), lines.get(0));
        assertTrue(lines.get(1).matches("Demo +demo +\\(the embedded emulator\\) +- +gray +not needed"), lines.get(1));
        assertTrue(lines.get(2).matches("prod +hcompany +https://agp.eu.hcompany.ai +agp.eu.hcompany.ai +red +env HAI_API_KEY"),
                lines.get(2));
        assertTrue(lines.get(3).matches("agi +agi +https://api.agi.tech +api.agi.tech +purple +missing"), lines.get(3));
        assertEquals(lines.get(0).indexOf("KEY"), lines.get(2).indexOf("env"), "columns line up");
    }

    @Test
    void addTakesEveryPartAndSaysWhereTheKeyWillComeFrom() throws Exception {
        CliRun add = run(Map.of("AGI_API_KEY", "agi-1"), "profile", "add", "Staging EU", "--provider", "hcompany", "--base-url",
                "https://staging.example/api", "--host", "staging.example", "--host", "Files.Example", "--agent", "web-agent",
                "--caller-id", "ops", "--color", "amber");
        assertEquals(0, add.code(), add.err());
        assertEquals("added profile 'Staging EU': hcompany https://staging.example/api, agent web-agent, caller id ops, "
                + "hosts staging.example files.example, colour amber, key: missing\n", add.out());
        JsonNode stored = new ObjectMapper().readTree(Files.readString(data.resolve("profiles.json"))).get("profiles").get(0);
        assertEquals("files.example", stored.get("hosts").get(1).asText());
    }

    @Test
    void addRefusesWhatBreaksTheRulesAndChangesNothing() {
        refused(run("profile", "add", "prod"), "--provider is required");
        refused(run("profile", "add", "prod", "--provider", "demo"), "--provider demo is the built-in Demo profile");
        refused(run("profile", "add", "demo", "--provider", "hcompany"), "the built-in Demo profile's: choose another name");
        refused(run("profile", "add", "prod/eu", "--provider", "hcompany"), "holds '/'");
        refused(run("profile", "add", "prod", "--provider", "agi", "--base-url", "http://agi.example"), "plain http");
        refused(run("profile", "add", "prod", "--provider", "agi", "--host", "evil.example"), "not among the hosts");
        refused(run("profile", "add", "prod", "--provider", "agi", "--colour", "pink"), "unknown colour 'pink'");
        refused(run("profile", "add", "prod", "--provider", "agi", "--caller-id", "ops"), "AGI takes no caller id");
        refused(run("profile", "add", "prod", "--provider", "hcompany", "--caller-id", " "), "--caller-id is blank");
        assertFalse(Files.exists(data.resolve("profiles.json")), "nothing was written");
        assertEquals(0, run("profile", "add", "prod", "--provider", "agi").code());
        refused(run("profile", "add", "PROD", "--provider", "agi"), "a profile named 'prod' already exists");
    }

    @Test
    void aKeyOnTheCommandLineIsRefusedWithoutBeingShown() {
        for (List<String> key : List.of(List.of("--api-key", "hk-live-4711"), List.of("--key=hk-live-4711"),
                List.of("--token", "hk-live-4711"), List.of("--secret", "hk-live-4711"))) {
            String[] args = new String[4 + key.size()];
            List<String> all = new java.util.ArrayList<>(List.of("profile", "add", "prod", "--provider"));
            all.add("hcompany");
            all.addAll(key);
            CliRun run = run(all.toArray(args));
            refused(run, "keys are never taken on the command line");
            assertFalse((run.out() + run.err()).contains("hk-live-4711"), run.err());
        }
        CliRun edit = run("profile", "edit", "prod", "--api-key", "hk-live-4711");
        refused(edit, "keys are never taken on the command line");
        assertFalse(edit.err().contains("hk-live-4711"));
        assertFalse(Files.exists(data.resolve("profiles.json")));
    }

    @Test
    void editChangesOnlyWhatIsGivenAndRenames() {
        run("profile", "add", "prod", "--provider", "hcompany", "--agent", "web", "--caller-id", "ops");
        CliRun edit = run("profile", "edit", "PROD", "--base-url", "https://agp.hcompany.ai", "--colour", "red", "--rename", "Prod US");
        assertEquals(0, edit.code(), edit.err());
        assertEquals("changed profile 'prod', now 'Prod US': hcompany https://agp.hcompany.ai, agent web, caller id ops, "
                + "hosts agp.hcompany.ai, colour red, key: missing\n", edit.out());
        CliRun clear = run("profile", "edit", "prod us", "--agent", "", "--caller-id", "");
        assertEquals(0, clear.code(), clear.err());
        assertTrue(clear.out().contains("'Prod US': hcompany https://agp.hcompany.ai, hosts agp.hcompany.ai, colour red"), clear.out());
        CliRun toAgi = run("profile", "edit", "prod us", "--provider", "agi");
        assertEquals(0, toAgi.code(), toAgi.err());
        assertTrue(toAgi.out().contains("agi https://agp.hcompany.ai"), "a base URL of its own stays: " + toAgi.out());
    }

    @Test
    void editRefusesTheDemoAnUnknownNameAndNothingToChange() {
        refused(run("profile", "edit", "Demo", "--colour", "red"), "the built-in Demo profile cannot be changed");
        refused(run("profile", "edit", "nope", "--colour", "red"), "no profile named 'nope' (see: agent-console profile list)");
        run("profile", "add", "prod", "--provider", "hcompany");
        refused(run("profile", "edit", "prod"), "nothing to change");
        refused(run("profile", "edit", "prod", "--host", "other.example"), "the base URL's host agp.eu.hcompany.ai is not among");
        refused(run("profile", "edit", "prod", "--rename", "demo"), "the built-in Demo profile's");
    }

    @Test
    void removeTakesAnyCaseAndKeepsTheDemo() {
        run("profile", "add", "prod", "--provider", "hcompany");
        CliRun remove = run("profile", "remove", "PROD");
        assertEquals(0, remove.code(), remove.err());
        assertEquals("removed profile 'prod'\n", remove.out());
        refused(run("profile", "remove", "prod"), "no profile named 'prod'");
        refused(run("profile", "remove", "demo"), "the built-in Demo profile cannot be removed");
    }

    @Test
    void exportToStandardOutputImportsIntoAnotherFolderWithoutAKey(@TempDir Path other) throws Exception {
        run("profile", "add", "prod", "--provider", "hcompany", "--caller-id", "ops");
        run("profile", "add", "agi", "--provider", "agi");
        CliRun export = run(Map.of("HAI_API_KEY", "hk-secret-1", "AGI_API_KEY", "agi-secret-2"), "profile", "export");
        assertEquals(0, export.code(), export.err());
        assertEquals("exported 2 profiles (no keys)\n", export.err());
        assertFalse(export.out().contains("secret"), export.out());
        JsonNode doc = new ObjectMapper().readTree(export.out());
        assertEquals(1, doc.get("version").asInt());
        assertEquals(2, doc.get("profiles").size());
        CliRun imported = CliRun.withInput(Map.of(), export.out(), "profile", "import", "-", "--data-dir", other.toString());
        assertEquals(0, imported.code(), imported.err());
        assertEquals("imported 2 profiles; added 'prod', 'agi'\n", imported.out());
        assertEquals(Files.readString(data.resolve("profiles.json")), Files.readString(other.resolve("profiles.json")));
    }

    @Test
    void exportToAFileAndImportItBackReplacingOnlyWhenAsked() throws Exception {
        run("profile", "add", "prod", "--provider", "hcompany");
        Path file = data.resolve("team.json");
        CliRun export = run("profile", "export", file.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(export.err().startsWith("exported 1 profile to "), export.err());
        refused(run("profile", "export", data.toString()), "is a folder");
        refused(run("profile", "import", file.toString()), "nothing was imported: 'prod' exists already; add --replace");
        CliRun replaced = run("profile", "import", file.toString(), "--replace");
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals("imported 1 profile; replaced 'prod'\n", replaced.out());
    }

    @Test
    void anImportWithAKeyOrABrokenEntryIsRefusedWhole() throws Exception {
        Path file = data.resolve("leaky.json");
        Files.writeString(file, "{\"version\":1,\"profiles\":[{\"name\":\"ok\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"},"
                + "{\"name\":\"x\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\",\"apiKey\":\"agi-live-99\"}]}");
        CliRun run = run("profile", "import", file.toString());
        refused(run, "nothing was imported: profile 2 ('x'): a profile has a field 'apiKey', which looks like it holds a key");
        assertFalse(run.err().contains("agi-live-99"));
        refused(run("profile", "import", data.resolve("missing.json").toString()), "does not exist");
        refused(run("profile", "import", data.toString()), "is not a regular file");
        refused(CliRun.withBytes(Map.of(), new byte[] {'{', (byte) 0xff}, "profile", "import", "-", "--data-dir", data.toString()),
                "standard input is not valid UTF-8");
        assertFalse(Files.exists(data.resolve("profiles.json")));
    }

    @Test
    void aDamagedFileIsSaidAndTheListStillComes() throws Exception {
        Files.writeString(data.resolve("profiles.json"), "not json at all");
        CliRun list = run("profile", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.err().startsWith("profiles: profiles.json was damaged (not JSON"), list.err());
        assertTrue(list.out().contains("Demo"), list.out());
    }

    @Test
    void theDataFolderMayComeBeforeTheCommandAndProfileAloneSaysWhatToDo() {
        CliRun add = CliRun.of(Map.of(), "--data-dir", data.toString(), "profile", "add", "prod", "--provider", "agi");
        assertEquals(0, add.code(), add.err());
        assertTrue(run("profile", "list").out().contains("prod"));
        refused(run("profile"), "say what to do: profile list, add, edit, remove, export or import");
        CliRun typo = run("profile", "lsit");
        assertEquals(ExitCodes.BAD_INPUT, typo.code());
        assertTrue(typo.err().contains("See 'agent-console profile --help'"), typo.err());
        CliRun badOption = run("profile", "add", "x", "--bogus");
        assertTrue(badOption.err().contains("See 'agent-console profile add --help'"), badOption.err());
    }
}
