package dev.agentconsole.agent;

import java.util.List;
import java.util.Locale;

/** The APIs the console speaks. {@code DEMO} is H's API served by the embedded emulator. */
public enum Provider {
    DEMO("demo", "Demo (emulator)", List.of()),
    HCOMPANY("hcompany", "H Agent Platform", List.of("HAI_API_KEY", "H_API_KEY")),
    AGI("agi", "AGI Inc", List.of("AGI_API_KEY"));

    private final String cliName;
    private final String displayName;
    private final List<String> tokenVariables;

    Provider(String cliName, String displayName, List<String> tokenVariables) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.tokenVariables = tokenVariables;
    }

    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    /** Environment variables the token is read from, first match wins. */
    public List<String> tokenVariables() {
        return tokenVariables;
    }

    public static Provider fromCli(String name) {
        for (Provider p : values()) {
            if (p.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + name + "': use demo, hcompany or agi");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
