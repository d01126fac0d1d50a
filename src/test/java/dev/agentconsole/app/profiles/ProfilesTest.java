package dev.agentconsole.app.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profiles.json: kept whole, read back the same, damaged files kept aside, no key in or out. */
class ProfilesTest {

    @TempDir
    Path data;

    static final Profile PROD = new Profile("Prod", Provider.HCOMPANY, "https://agp.eu.hcompany.ai", Optional.of("web-agent"),
            Optional.of("ops"), List.of("agp.eu.hcompany.ai", "resources.hcompany.ai"), ProfileColour.RED);
    static final Profile AGI = Profile.of("agi staging", Provider.AGI, "https://staging.agi.example");

    private Path file() {
        return data.resolve(Profiles.FILE_NAME);
    }

    private String[] asideFiles() throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("profiles.json.damaged-"))
                    .toArray(String[]::new);
        }
    }

    @Test
    void whatIsAddedIsReadBackTheSameByTheNextStartWithTheDemoFirst() {
        Profiles profiles = Profiles.load(data);
        profiles.add(PROD);
        profiles.add(AGI);
        assertEquals(List.of(Profile.DEMO, PROD, AGI), Profiles.load(data).all());
        assertFalse(Files.exists(data.resolve("profiles.json.tmp")), "the temporary file was moved over");
    }

    @Test
    void theFileIsAVersionedDocumentWithoutTheDemo() throws Exception {
        Profiles.load(data).add(PROD);
        JsonNode doc = new ObjectMapper().readTree(Files.readString(file()));
        assertEquals(1, doc.get("version").asInt());
        assertEquals(1, doc.get("profiles").size());
        JsonNode p = doc.get("profiles").get(0);
        assertEquals("Prod", p.get("name").asText());
        assertEquals("hcompany", p.get("provider").asText());
        assertEquals("red", p.get("colour").asText());
        assertEquals("resources.hcompany.ai", p.get("hosts").get(1).asText());
    }

    @Test
    void namesAreFoundAndRefusedWhateverTheirCase() {
        Profiles profiles = Profiles.load(data);
        profiles.add(PROD);
        assertEquals(Optional.of(PROD), profiles.find("PROD"));
        assertEquals(Optional.of(Profile.DEMO), profiles.find("demo"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> profiles.add(PROD.withName("prod")));
        assertTrue(e.getMessage().contains("a profile named 'Prod' already exists"), e.getMessage());
        profiles.remove("pRoD");
        assertEquals(List.of(Profile.DEMO), profiles.all());
    }

    @Test
    void aReplacementKeepsItsPlaceAndMayRenameButNotOntoAnother() {
        Profiles profiles = Profiles.load(data);
        profiles.add(PROD);
        profiles.add(AGI);
        profiles.replace("prod", PROD.withName("Prod EU"));
        assertEquals(List.of("Demo", "Prod EU", "agi staging"), profiles.all().stream().map(Profile::name).toList());
        profiles.replace("prod eu", PROD.withName("PROD EU")); // its own name in another case
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> profiles.replace("prod eu", PROD.withName("AGI Staging")));
        assertTrue(e.getMessage().contains("'agi staging' already exists"), e.getMessage());
    }

    @Test
    void theDemoIsBuiltInAndNeitherChangedNorRemoved() {
        Profiles profiles = Profiles.load(data);
        assertEquals(List.of(Profile.DEMO), profiles.all());
        assertTrue(assertThrows(InvalidInputException.class, () -> profiles.remove("Demo")).getMessage()
                .contains("the built-in Demo profile cannot be removed"));
        assertTrue(assertThrows(InvalidInputException.class, () -> profiles.replace("demo", PROD)).getMessage()
                .contains("cannot be changed"));
        assertTrue(assertThrows(InvalidInputException.class, () -> profiles.add(Profile.DEMO)).getMessage()
                .contains("built in"));
        assertTrue(assertThrows(InvalidInputException.class, () -> profiles.remove("nope")).getMessage()
                .contains("no profile named 'nope'"));
        assertFalse(Files.exists(file()), "nothing was written");
    }

    @Test
    void aFileThatIsNotJsonIsKeptAsideAndTheListStartsEmpty() throws Exception {
        Files.writeString(file(), "{\"version\": 1, \"profiles\": [ {\"name\": \"cut");
        Profiles profiles = Profiles.load(data);
        assertEquals(List.of(Profile.DEMO), profiles.all());
        assertTrue(profiles.notice().orElseThrow().startsWith("profiles.json was damaged (not JSON"), profiles.notice().get());
        assertEquals(1, asideFiles().length);
        assertFalse(Files.exists(file()));
        profiles.add(PROD);
        assertEquals(List.of(Profile.DEMO, PROD), Profiles.load(data).all());
    }

    @Test
    void bytesThatAreNotUtf8AreKeptAsideToo() throws Exception {
        Files.write(file(), new byte[] {'{', (byte) 0xff, '}'});
        Profiles profiles = Profiles.load(data);
        assertTrue(profiles.notice().orElseThrow().contains("not UTF-8"), profiles.notice().get());
        assertEquals(1, asideFiles().length);
    }

    @Test
    void aBadEntryIsSkippedTheOthersLoadAndTheFileAsItWasIsCopiedAside() throws Exception {
        Files.writeString(file(), "{\"version\":1,\"profiles\":[{\"name\":\"ok\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"},"
                + "{\"name\":\"bad\",\"provider\":\"hcompany\",\"baseUrl\":\"http://evil.example\"}]}");
        Profiles profiles = Profiles.load(data);
        assertEquals(List.of("Demo", "ok"), profiles.all().stream().map(Profile::name).toList());
        String notice = profiles.notice().orElseThrow();
        assertTrue(notice.contains("profile 2 ('bad')") && notice.contains("plain http"), notice);
        assertTrue(notice.contains("kept as profiles.json.damaged-"), notice);
        assertEquals(1, asideFiles().length);
        assertTrue(Files.readString(data.resolve(asideFiles()[0])).contains("evil.example"), "kept as it was");
    }

    @Test
    void aFileFromANewerConsoleIsLeftAsItIsAndNotSavedOver() throws Exception {
        String newer = "{\"version\":2,\"profiles\":[{\"name\":\"x\",\"shape\":\"new\"}],\"groups\":[]}";
        Files.writeString(file(), newer);
        Profiles profiles = Profiles.load(data);
        assertEquals(List.of(Profile.DEMO), profiles.all());
        assertTrue(profiles.notice().orElseThrow().contains("written by a newer Agent Console (version 2"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> profiles.add(PROD));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertEquals(newer, Files.readString(file()));
        assertEquals(0, asideFiles().length);
    }

    @Test
    void aChangeByAnotherProcessIsSeenAndKept() {
        Profiles window = Profiles.load(data);
        Profiles commandLine = Profiles.load(data);
        commandLine.add(PROD);
        assertEquals(Optional.of(PROD), window.find("prod"), "the window reads the file again");
        window.add(AGI);
        assertEquals(List.of(Profile.DEMO, PROD, AGI), Profiles.load(data).all(), "the window's save kept the other's profile");
    }

    @Test
    void anExportHoldsNoKeyFieldAndImportsBackIntoAnotherFolder(@TempDir Path other) throws Exception {
        Profiles profiles = Profiles.load(data);
        profiles.add(PROD);
        profiles.add(AGI);
        String json = profiles.exportJson();
        JsonNode doc = new ObjectMapper().readTree(json);
        doc.get("profiles").forEach(p -> p.fieldNames().forEachRemaining(f -> assertFalse(ProfileJson.looksLikeKey(f), f)));
        Profiles.Imported imported = Profiles.load(other).importJson(json, false);
        assertEquals(List.of("Prod", "agi staging"), imported.added());
        assertEquals(profiles.all(), Profiles.load(other).all());
    }

    @Test
    void anImportWithAKeyFieldIsRefusedWholeAndTheKeyIsNeitherStoredNorShown() throws Exception {
        for (String field : List.of("key", "apiKey", "api_key", "token", "secret", "Authorization", "password")) {
            String json = "{\"version\":1,\"profiles\":[{\"name\":\"ok\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"},"
                    + "{\"name\":\"leaky\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\",\"" + field + "\":\"sk-live-123\"}]}";
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Profiles.load(data).importJson(json, true));
            assertTrue(e.getMessage().contains("nothing was imported: profile 2 ('leaky'): a profile has a field '" + field
                    + "', which looks like it holds a key"), e.getMessage());
            assertFalse(e.getMessage().contains("sk-live-123"));
        }
        assertFalse(Files.exists(file()), "nothing was stored, not even the good entry");
    }

    @Test
    void anImportIsAllOrNothingNamingTheFirstProblem() {
        Profiles profiles = Profiles.load(data);
        String json = "{\"version\":1,\"profiles\":[{\"name\":\"ok\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"},"
                + "{\"name\":\"x\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\",\"hosts\":[\"*.agi.tech\"]},"
                + "{\"name\":\"y\",\"provider\":\"openai\",\"baseUrl\":\"https://api.agi.tech\"}]}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> profiles.importJson(json, false));
        assertTrue(e.getMessage().contains("nothing was imported: profile 2 ('x'): the host '*.agi.tech' has a wildcard"),
                e.getMessage());
        assertEquals(List.of(Profile.DEMO), profiles.all());
        for (String bad : List.of("[]", "{\"version\":1}", "{\"version\":1,\"profiles\":[],\"extra\":1}", "not json",
                "{\"version\":1,\"profiles\":[{\"name\":\"Demo\",\"provider\":\"demo\",\"baseUrl\":\"http://127.0.0.1\"}]}",
                "{\"version\":1,\"profiles\":[{\"name\":\"a\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"},"
                        + "{\"name\":\"A\",\"provider\":\"agi\",\"baseUrl\":\"https://api.agi.tech\"}]}")) {
            assertTrue(assertThrows(InvalidInputException.class, () -> profiles.importJson(bad, true)).getMessage()
                    .startsWith("nothing was imported: "), bad);
        }
    }

    @Test
    void existingNamesAreReplacedOnlyWhenAskedElseNothingIsImported() {
        Profiles profiles = Profiles.load(data);
        profiles.add(PROD);
        String json = ProfileJson.write(List.of(AGI, new Profile("PROD", PROD.provider(), PROD.baseUrl(), PROD.agent(), PROD.callerId(), PROD.hosts(),
                ProfileColour.AMBER)));
        Profiles.Imported refused = profiles.importJson(json, false);
        assertFalse(refused.done());
        assertEquals(List.of("Prod"), refused.existing());
        assertEquals(List.of(Profile.DEMO, PROD), profiles.all());
        Profiles.Imported done = profiles.importJson(json, true);
        assertEquals(List.of("agi staging"), done.added());
        assertEquals(List.of("PROD"), done.replaced());
        assertEquals(ProfileColour.AMBER, profiles.find("prod").orElseThrow().colour());
        assertEquals(List.of("Demo", "PROD", "agi staging"), profiles.all().stream().map(Profile::name).toList());
    }

    @Test
    void aFolderThatCannotBeWrittenRefusesTheChangeAndSaysSo() throws Exception {
        Path blocked = data.resolve("blocked");
        Files.writeString(blocked, "a file where the folder would be", StandardCharsets.UTF_8);
        Profiles profiles = Profiles.load(blocked);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> profiles.add(PROD));
        assertTrue(e.getMessage().startsWith("could not save"), e.getMessage());
        assertEquals(List.of(Profile.DEMO), profiles.all());
    }
}
