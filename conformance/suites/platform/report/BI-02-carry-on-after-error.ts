import { gbt32960, platformChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

const { Command, ResponseFlag } = gbt32960;

export default testPurpose({
  id: "TP/PLATFORM/REPORT/BI-02",
  title: "After a bad report the sender's session and another vehicle's carry on",
  role: "platform",
  requirements: ["GBT32960-2016-B.2.1-ERROR-CARRY-ON"],
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const { answerTimeoutMs } = t.params;
    const [senderVin = "", otherVin = ""] = platformChecks.freshVins(2);
    const sender = new platformChecks.SimulatedVehicle(t.bus, senderVin);
    const other = new platformChecks.SimulatedVehicle(t.bus, otherVin);
    const vehicles = [sender, other];
    const logins = await Promise.all(vehicles.map((v) => v.login(answerTimeoutMs)));
    if (logins.some((l) => l.flag !== ResponseFlag.SUCCESS)) return t.inconclusive("GBT32960-2016-B.2.1-ERROR-CARRY-ON", `a login was not answered with success in ${answerTimeoutMs} ms`, logins.flatMap((l) => l.evidence));
    const since = t.now();
    const stimuli = [await sender.report(), await other.report(), await sender.outOfRangeReport(), await sender.report(), await other.report()];
    // Error answers to the good reports after the bad one may take as long as any answer.
    await t.sleep(answerTimeoutMs);
    const heartbeats = await Promise.all(vehicles.map((v) => v.exchange(Command.HEARTBEAT, () => v.heartbeat(), answerTimeoutMs)));
    const senderErrors = sender.reportErrors(since);
    const otherErrors = other.reportErrors(since);
    const evidence = [...stimuli, ...heartbeats.flatMap((h) => h.evidence), ...[...senderErrors, ...otherErrors].map((o) => t.bus.evidence(o, "an error answer to a report"))];
    const problems = [
      ...(senderErrors.length > 1 ? [`${senderErrors.length} error answers to the sender, whose only bad report was 1 of 3: its later good report was refused`] : []),
      ...(otherErrors.length > 0 ? [`${otherErrors.length} error answer(s) to the other vehicle, which sent only good reports`] : []),
      ...heartbeats.flatMap((h, i) => (h.flag === ResponseFlag.SUCCESS ? [] : [`the heartbeat of ${vehicles[i]?.vin ?? ""} got ${platformChecks.flagName(h.flag)}, not success`])),
    ];
    t.verify("GBT32960-2016-B.2.1-ERROR-CARRY-ON", problems.length === 0, problems.length === 0 ? "after the bad report both vehicles' good reports and heartbeats were taken without error" : problems.join("; "), evidence);
  },
});
