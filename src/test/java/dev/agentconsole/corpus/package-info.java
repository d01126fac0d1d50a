/**
 * The bad-input corpus (issue 17): tables of bad inputs, each with the outcome it must have
 * ({@link dev.agentconsole.corpus.Expected}: exit code or visible error, words that name the
 * problem, {@link dev.agentconsole.corpus.Sent#NOTHING} or {@link dev.agentconsole.corpus.Sent#ONCE}),
 * and a runner per table:
 *
 * <ul>
 *   <li>{@code dev.agentconsole.cli.CliCorpus}, run by {@code CliCorpusTest}: the command line's
 *       options, arguments, environment, standard input and files, against the emulator;</li>
 *   <li>{@code dev.agentconsole.cli.ServerCorpus}, run by {@code ServerCorpusTest}: the server's
 *       answers (every status, JSON cut short or of the wrong shape, unknown events, huge bodies,
 *       slow drips, terminal escapes), through the emulator's {@code --fault} specs or a scripted
 *       server, for {@code send} and {@code watch}.</li>
 * </ul>
 *
 * A new table (the window's ViewModels, say) is a class with {@code static List<...> rows()}
 * whose rows carry an {@code Expected}, a parameterized runner beside it, and one line in
 * {@link dev.agentconsole.corpus.CorpusSizeTest}.
 */
package dev.agentconsole.corpus;
