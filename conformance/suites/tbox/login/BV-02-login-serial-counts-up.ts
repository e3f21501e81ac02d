import { tboxChecks, testPurpose } from "../../../../src/conformance/dsl/index.ts";

export default testPurpose({
  id: "TP/TBOX/LOGIN/BV-02",
  title: "Each login of the day carries the serial of the one before plus one",
  role: "tbox",
  requirements: ["GBT32960-2016-TABLE6-LOGIN-SERIAL"],
  needs: ["upper-tester"],
  exclusive: true,
  pixit: ["answerTimeoutMs"],
  async body(t) {
    const logins = [];
    for (let cycle = 0; cycle < 2; cycle++) {
      await tboxChecks.switchIgnition(t, "off");
      const on = await tboxChecks.switchIgnition(t, "on");
      if (on.frame === undefined) return t.inconclusive("GBT32960-2016-TABLE6-LOGIN-SERIAL", `no login within ${t.params.answerTimeoutMs} ms of switching the ignition on`);
      logins.push(on.frame);
    }
    const [first, second] = logins.map(tboxChecks.loginSerialOf);
    if (first === undefined || second === undefined) return t.inconclusive("GBT32960-2016-TABLE6-LOGIN-SERIAL", "a login carried no serial");
    // Serials run 1..65531 and start again at 1 the next day (of the login's own time).
    const [firstDay, secondDay] = logins.map((o) => tboxChecks.loginDayOf(o));
    const expected = firstDay !== secondDay || first === 65531 ? 1 : first + 1;
    const evidence = logins.map((o, i) => t.bus.evidence(o, `login ${i + 1}`));
    t.verify("GBT32960-2016-TABLE6-LOGIN-SERIAL", second === expected, `two logins in a row carried serials ${first} and ${second} (expected ${expected})`, evidence);
  },
});
