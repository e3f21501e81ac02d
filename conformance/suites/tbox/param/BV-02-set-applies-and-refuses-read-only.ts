import { gbt32960, tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

/** Parameter ID of the terminal response timeout (table B.12), a writable parameter no other test depends on. */
const TERMINAL_RESPONSE_TIMEOUT = 0x0a;

export default testPurpose({
  id: "TP/TBOX/PARAM/BV-02",
  title: "A parameter set takes effect and is answered success; a set of the hardware version is refused",
  role: "tbox",
  requirements: ["GBT32960-2016-B.2.3-PARAMETER-SET"],
  pixit: ["answerTimeoutMs"],
  exclusive: true,
  async body(t) {
    const timeoutIn = (frame: gbt32960.Frame | undefined): number | undefined => tboxChecks.parameterValueIn(frame, "terminalResponseTimeout");
    const before = await tboxChecks.command(t, tboxChecks.parameterQuery(t.sutId, [TERMINAL_RESPONSE_TIMEOUT]), "queried the terminal response timeout (0x0A)");
    const original = timeoutIn(before.frame);
    if (original === undefined) return t.inconclusive("GBT32960-2016-B.2.3-PARAMETER-SET", "the T-Box did not tell the terminal response timeout (0x0A) it has", [before.sent]);
    const wanted = original === 30 ? 31 : 30;
    const set = await tboxChecks.command(t, tboxChecks.parameterSet(t.sutId, [{ terminalResponseTimeout: { value: wanted } }]), `set the terminal response timeout to ${wanted} s`);
    const after = await tboxChecks.command(t, tboxChecks.parameterQuery(t.sutId, [TERMINAL_RESPONSE_TIMEOUT]), "queried it again");
    await tboxChecks.command(t, tboxChecks.parameterSet(t.sutId, [{ terminalResponseTimeout: { value: original } }]), `set it back to ${original} s`);
    const readOnly = await tboxChecks.command(t, tboxChecks.parameterSet(t.sutId, [{ hardwareVersion: "H9.99" }]), "set the read-only hardware version (0x07)");
    const evidence = [before, set, after, readOnly].flatMap((e) => [e.sent, ...(e.answer === undefined ? [] : [t.bus.evidence(e.answer, "the T-Box's answer")])]);
    const flag = (e: tboxChecks.Exchange): string => (e.frame === undefined ? "no answer" : e.frame.responseFlag === gbt32960.ResponseFlag.SUCCESS ? "success" : `response flag ${e.frame.responseFlag}`);
    const applied = set.frame?.responseFlag === gbt32960.ResponseFlag.SUCCESS && timeoutIn(after.frame) === wanted;
    const refused = readOnly.frame !== undefined && readOnly.frame.responseFlag !== gbt32960.ResponseFlag.SUCCESS;
    t.verify(
      "GBT32960-2016-B.2.3-PARAMETER-SET",
      applied && refused,
      `setting 0x0A to ${wanted} s: ${flag(set)}, then queried ${timeoutIn(after.frame) ?? "nothing"}; setting the hardware version: ${flag(readOnly)} (must be refused)`,
      evidence,
    );
  },
});
