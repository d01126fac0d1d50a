package dev.agentconsole.cli;

import static dev.agentconsole.cli.CliRow.bad;
import static dev.agentconsole.cli.CliRow.quiet;
import static dev.agentconsole.cli.CliRow.sends;

import java.util.List;

/**
 * The command line's bad inputs and what each must come to (run by {@link CliCorpusTest}). One row
 * a line; see {@link CliRow} for how a command is written. Files under {@code {dir}} are made by
 * the runner.
 */
public final class CliCorpus {

    private CliCorpus() {}

    public static List<CliRow> rows() {
        return List.of(
                // the message
                bad("blank message", "send {H} '   '", "only white space"),
                bad("empty message", "send {H} ''", "the message is empty"),
                bad("no message at all", "send {H}", "Missing required parameter: 'MESSAGE'"),
                bad("message over H's request limit", "send {H} {x*5000001}", "over H's limit of 5,000,000"),
                bad("message over AGI's 10,000 characters", "send {AGI} {x*10001}", "1 over AGI's limit of 10,000"),
                bad("blank line in a batch", "send {H} --batch first '  ' third", "line 2 of the batch"),
                bad("blank line in an AGI batch", "send {AGI} --batch first ''", "line 2 of the batch"),
                // broken UTF-8, from argv (as bytes) and from standard input
                bad("invalid byte 0xff", "send {H} 'bad \\xff byte'", "not valid UTF-8 at byte offset 4 (0xff"),
                bad("lead byte then ASCII", "send {H} '\\xc3\\x28'", "at byte offset 0 (0xc3"),
                bad("CESU-8 surrogate pair", "send {H} 'smile \\xed\\xa0\\xbd\\xed\\xb8\\x80'", "encoded UTF-16 surrogate"),
                bad("overlong slash", "send {H} 'a\\xc0\\xafb'", "an overlong encoding"),
                bad("past U+10FFFF", "send {H} '\\xf4\\x90\\x80\\x80'", "a character past U+10FFFF"),
                bad("sequence cut at the end", "send {H} 'euro \\xe2\\x82'", "a sequence cut short"),
                bad("stray continuation byte", "send {H} '\\x80'", "a continuation byte with no lead byte"),
                bad("broken caller id", "send {H} --caller-id 'ops\\xff' hi", "argument 9 ('ops\\xff') is not valid UTF-8"),
                bad("broken start URL", "send {AGI} --start-url 'https://a.example/\\xff' go", "is not valid UTF-8 at byte offset 18"),
                bad("broken image path", "send {H} --image '{dir}/\\xff.png' hi", "is not valid UTF-8"),
                bad("broken byte on stdin", "send {H} -", "standard input is not valid UTF-8 at byte offset 6").input("hello \\xff"),
                bad("CESU-8 on stdin", "send {H} -", "encoded UTF-16 surrogate").input("\\xed\\xa0\\x80"),
                bad("broken line in a batch on stdin", "send {H} --batch -", "at byte offset 11").input("one\\ntwo\\nthr\\xffee\\n"),
                bad("empty standard input", "send {H} -", "the message is empty"),
                bad("only a line end on stdin", "send {H} -", "the message is empty").input("\\n"),
                bad("blank line of a batch on stdin", "send {H} --batch -", "line 2 of the batch").input("one\\n\\nthree\\n"),
                bad("'-' with other words", "send {H} look -", "'-' reads the message from standard input"),
                // '@' is text, never a file of arguments
                sends("message naming /proc/self/environ", "send {H} @/proc/self/environ", "accepted", "@/proc/self/environ"),
                sends("message naming a local file", "send {H} @{dir}/notes please", "accepted", "@{dir}/notes please"),
                sends("a lone @", "send {H} @", "accepted", "@"),
                sends("picocli's @@ escape", "send {H} @@notes", "accepted", "@@notes"),
                bad("options from a file", "send --provider hcompany --base-url {url} @{dir}/args", "--session is required"),
                bad("session from a file", "send --provider hcompany --base-url {url} --session @{dir}/args hi", "is not a UUID"),
                // what is taken as typed
                sends("UTF-8 under any locale", "send {H} 'caf\\xc3\\xa9 \\xe6\\x9d\\xb1'", "accepted", "café 東"),
                sends("the message from stdin", "send {H} -", "accepted", "two lines\nof text").input("two lines\\nof text\\n"),
                sends("a batch from stdin", "send {H} --batch -", "batch of 2 lines", "first", "second").input("first\\r\\nsecond\\n"),
                sends("a GIF re-encoded as the window does", "send {H} --image {dir}/still.gif look", "re-encoded as PNG", "look"),
                sends("a key with a line end around it", "send {H} hello", "accepted", "hello").with("HAI_API_KEY", "{token}\n"),
                // session, provider, base URL, caller id
                bad("malformed session id", "send --provider hcompany --base-url {url} --session 3f2b8c1e-0a4d-4e5f-9b6a hi",
                        "is not a UUID"),
                bad("session id with a bad character", "send --provider hcompany --base-url {url} "
                        + "--session 3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2z hi", "only hex digits"),
                bad("missing session for send", "send --provider hcompany --base-url {url} hi", "--session is required"),
                bad("missing session for watch", "watch --provider hcompany --base-url {url}", "--session is required"),
                bad("missing session for chat", "chat --provider agi --base-url {url}", "--session is required"),
                bad("unknown provider", "send --provider openai hi", "unknown provider 'openai'"),
                bad("empty provider", "send --provider '' hi", "unknown provider ''"),
                bad("session with the demo", "send --session {hid} hi", "--session does not go with --provider demo"),
                bad("base URL with the demo", "send --base-url {url} hi", "--base-url does not go with --provider demo"),
                bad("key over plain http to another host", "send --provider hcompany --base-url http://agents.example.com "
                        + "--session {hid} hi", "refusing to send an API key over plain http"),
                bad("base URL that is no URL", "send --provider hcompany --base-url agp.eu.hcompany.ai --session {hid} hi",
                        "is not an http:// or https:// URL"),
                bad("base URL with a query", "send --provider hcompany --base-url '{url}/?debug=1' --session {hid} hi",
                        "must not carry a query"),
                bad("blank caller id", "send {H} --caller-id ' ' hi", "--caller-id is blank"),
                bad("caller id on AGI", "send {AGI} --caller-id ops hi", "AGI takes no caller id"),
                bad("unknown option", "send {H} --bogus hi", "Unknown option: '--bogus'"),
                bad("an option without its value", "send {H} hi --image", "Missing required parameter for option '--image'"),
                // images
                bad("image that does not exist", "send {H} --image {dir}/missing.png hi", "does not exist"),
                bad("empty image file", "send {H} --image {dir}/empty.png hi", "is empty (0 bytes)"),
                bad("text file named .png", "send {H} --image {dir}/notes.png hi", "is not an image the console can send"),
                bad("SVG image", "send {H} --image {dir}/drawing.svg hi", "is an SVG drawing"),
                bad("folder as image", "send {H} --image {dir}/folder.png hi", "is a folder"),
                bad("200 MB image", "send {H} --image {dir}/huge.png hi", "the largest file the console reads is 50 MB"),
                bad("PNG cut to 100 bytes", "send {H} --image {dir}/cut.png hi", "is damaged or cut short"),
                bad("PNG claiming 30,000 x 30,000", "send {H} --image {dir}/giant.png hi", "30,000 × 30,000 pixels"),
                bad("JPEG cut short", "send {H} --image {dir}/cut.jpg hi", "is damaged or cut short"),
                bad("/dev/urandom as image", "send {H} --image /dev/urandom hi", "is not a regular file"),
                bad("/dev/null as image", "send {H} --image /dev/null hi", "is not a regular file"),
                bad("/proc/self/mem as image", "send {H} --image /proc/self/mem hi", "is not a regular file"),
                bad("a FIFO as image", "send {H} --image {dir}/fifo hi", "is not a regular file"),
                bad("an image on AGI", "send {AGI} --image {dir}/still.gif look", "AGI takes no images"),
                // start URL
                bad("a start URL on H", "send {H} --start-url https://booking.example go", "H takes no start URL"),
                bad("a start URL that is a file", "send {AGI} --start-url file:///etc/passwd go", "must begin with http:// or https://"),
                bad("a start URL with no host", "send {AGI} --start-url https:///x go", "has no host name"),
                bad("a blank start URL", "send {AGI} --start-url ' ' go", "the start URL is blank"),
                bad("a start URL over 2,000", "send {AGI} --start-url https://a.example/{x*2000} go", "over the limit of 2,000"),
                // keys
                bad("no key at all", "send {H} hi", "set HAI_API_KEY (or H_API_KEY) in the environment").withoutKeys(),
                bad("a blank HAI_API_KEY", "send {H} hi", "set HAI_API_KEY (or H_API_KEY)").with("HAI_API_KEY", "  "),
                bad("only the AGI key for H", "send {H} hi", "set HAI_API_KEY (or H_API_KEY)").with("HAI_API_KEY", null),
                bad("no AGI key", "send {AGI} hi", "set AGI_API_KEY in the environment").with("AGI_API_KEY", null),
                bad("a key with a line break", "send {H} hi", "HAI_API_KEY has a line break at character 6")
                        .with("HAI_API_KEY", "hk-ab\ncd"),
                bad("a key with an accent", "send {H} hi", "HAI_API_KEY has a character that is not ASCII")
                        .with("HAI_API_KEY", "hk-é"),
                bad("H_API_KEY with a space", "send {H} hi", "H_API_KEY has a space at character 3")
                        .with("HAI_API_KEY", null).with("H_API_KEY", "hk key"),
                bad("an AGI key with a zero-width space", "send {AGI} hi", "AGI_API_KEY has a character that is not ASCII")
                        .with("AGI_API_KEY", "agi\u200bkey"),
                bad("a demo token with a line break", "emulator --port 0", "AGENT_CONSOLE_EMULATOR_TOKEN has a line break")
                        .with("AGENT_CONSOLE_EMULATOR_TOKEN", "tok\nen"),
                // watch and emulator options
                bad("negative --from", "watch {H} --from -1", "--from must be 0 or more"),
                bad("--from that is no number", "watch {H} --from ten", "Invalid value for option '--from'"),
                bad("demo pace that is no number", "watch", "AGENT_CONSOLE_DEMO_STEP_MS must be")
                        .with("AGENT_CONSOLE_DEMO_STEP_MS", "fast"),
                bad("port out of range", "emulator --port 70000", "--port must be 0 to 65535"),
                bad("--step-ms 0", "emulator --port 0 --step-ms 0", "--step-ms must be 1 to 60000"),
                bad("--heartbeat-ms 5", "emulator --port 0 --heartbeat-ms 5", "--heartbeat-ms must be 10 to 600000"),
                bad("a fault of no known kind", "emulator --port 0 --fault explode", "--fault: unknown key 'explode'"),
                bad("a negative delay", "emulator --port 0 --fault delay-ms=-5", "--fault: delay-ms must be 0 or more, got -5"),
                bad("an HTTP date without quotes", "emulator --port 0 --fault 'status=503,retry-after=Wed, 21 Oct 2026 07:28:00 GMT'",
                        "--fault: unknown key '21 oct 2026 07:28:00 gmt'"),
                bad("an unclosed quote", "emulator --port 0 --fault 'status=503,retry-after=\"7'", "an unclosed quote"),
                bad("times=0", "emulator --port 0 --fault drop,times=0", "times must be 1 or more"),
                bad("a Retry-After that is neither", "emulator --port 0 --fault status=503,retry-after=soon",
                        "retry-after must be whole seconds"),
                // profiles (issue 20): "emu" in {dir} names the emulator's H API
                sends("a profile names the server", "send --profile emu --session {hid} --data-dir {dir} hi", "accepted", "hi"),
                bad("unknown profile for send", "send --profile nope --session {hid} --data-dir {dir} hi",
                        "no profile named 'nope' (see: agent-console profile list)"),
                bad("unknown profile for watch", "watch --profile nope --data-dir {dir}", "no profile named 'nope'"),
                bad("unknown profile for chat", "chat --profile nope --data-dir {dir}", "no profile named 'nope'"),
                bad("unknown profile for the window", "--profile nope --data-dir {dir}", "no profile named 'nope'"),
                bad("a profile and a provider", "send --profile emu --provider agi --session {agiid} --data-dir {dir} hi",
                        "--profile does not go with --provider"),
                bad("a profile and a base URL", "send --profile emu --base-url {url} --session {hid} --data-dir {dir} hi",
                        "--profile does not go with --base-url"),
                bad("a profile without its key", "send --profile emu --session {hid} --data-dir {dir} hi",
                        "no API key for profile 'emu'").withoutKeys(),
                bad("the Demo profile with a session", "send --profile demo --session {hid} --data-dir {dir} hi",
                        "--session does not go with --provider demo"),
                bad("profile with nothing to do", "profile --data-dir {dir}", "say what to do: profile list, add"),
                bad("profile add without a provider", "profile add prod --data-dir {dir}", "--provider is required"),
                bad("profile add named demo", "profile add Demo --provider hcompany --data-dir {dir}", "the built-in Demo profile's"),
                bad("profile add with the demo provider", "profile add mine --provider demo --data-dir {dir}",
                        "--provider demo is the built-in Demo profile"),
                bad("profile name with a slash", "profile add prod/eu --provider agi --data-dir {dir}", "holds '/'"),
                bad("profile name over 40", "profile add {x*41} --provider agi --data-dir {dir}", "is 41 characters long: at most 40"),
                bad("profile name with a broken byte", "profile add 'pr\\xffod' --provider agi --data-dir {dir}", "is not valid UTF-8"),
                bad("profile name that reads as an option", "profile add --provider agi --data-dir {dir} -- -prod", "reads as an option"),
                bad("profile name taken in another case", "profile add EMU --provider agi --data-dir {dir}",
                        "a profile named 'emu' already exists"),
                bad("profile over plain http", "profile add prod --provider agi --base-url http://agi.example --data-dir {dir}",
                        "a key is never sent over plain http to agi.example"),
                bad("profile base URL with a password", "profile add prod --provider agi --base-url https://me:pw@api.agi.tech "
                        + "--data-dir {dir}", "must not carry a user name or password"),
                bad("profile host with a wildcard", "profile add prod --provider agi --host '*.agi.tech' --data-dir {dir}",
                        "has a wildcard"),
                bad("profile host with a port", "profile add prod --provider agi --host api.agi.tech:443 --data-dir {dir}",
                        "has a port"),
                bad("profile host with a scheme", "profile add prod --provider agi --host https://api.agi.tech --data-dir {dir}",
                        "has a scheme"),
                bad("profile hosts without the base URL's", "profile add prod --provider agi --host files.agi.tech --data-dir {dir}",
                        "the base URL's host api.agi.tech is not among the hosts"),
                bad("profile colour off the palette", "profile add prod --provider agi --colour pink --data-dir {dir}",
                        "use one of gray, blue, green, amber, red or purple"),
                bad("profile caller id on AGI", "profile add prod --provider agi --caller-id ops --data-dir {dir}",
                        "AGI takes no caller id"),
                bad("profile with a key on the command line", "profile add prod --provider agi --api-key {token} --data-dir {dir}",
                        "keys are never taken on the command line"),
                bad("profile edit of the Demo", "profile edit demo --colour red --data-dir {dir}", "cannot be changed"),
                bad("profile edit with nothing to change", "profile edit emu --data-dir {dir}", "nothing to change"),
                bad("profile remove of an unknown one", "profile remove nope --data-dir {dir}", "no profile named 'nope'"),
                bad("profile import of a missing file", "profile import {dir}/missing.json --data-dir {dir}", "does not exist"),
                bad("profile import of a FIFO", "profile import {dir}/fifo --data-dir {dir}", "is not a regular file"),
                bad("profile import that is no JSON", "profile import {dir}/notes --data-dir {dir}", "nothing was imported: not JSON"),
                bad("profile import with a key field", "profile import {dir}/leaky.json --data-dir {dir}",
                        "a profile has a field 'token', which looks like it holds a key"),
                bad("profile import over an existing name", "profile import {dir}/team.json --data-dir {dir}",
                        "'emu' exists already; add --replace"),
                // the window (no command)
                quiet("H without a session opens the window", "--provider hcompany", "window: hcompany, no session"),
                quiet("AGI without a session opens the window", "--provider agi --base-url {url}", "window: agi, no session"),
                bad("the window with a malformed session", "--provider hcompany --session nope", "is not a UUID"),
                bad("the window with a blank caller id", "--provider hcompany --caller-id ' '", "--caller-id is blank"),
                bad("the window with a base URL that is no URL", "--provider agi --base-url api.agi.tech", "is not an http://"),
                bad("the window with a session for the demo", "--session {hid}", "--session does not go with --provider demo"));
    }
}
