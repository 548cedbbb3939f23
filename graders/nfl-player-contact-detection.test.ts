import { describe, expect, it } from "vitest";
import { grader } from "./nfl-player-contact-detection.js";
import { expectInvalid, expectValid, gradeCsv } from "./testing/fixtures.js";

const answers =
  "contact_id,game_play,datetime,step,nfl_player_id_1,nfl_player_id_2,contact\n1_2_0_3_G,1_2,t,0,3,G,1\n1_2_0_3_4,1_2,t,0,3,4,0\n1_2_1_3_G,1_2,t,1,3,G,0\n1_2_1_3_4,1_2,t,1,3,4,1\n";

describe("nfl-player-contact-detection", () => {
  it("is exactly 0 for the sample (every contact 0)", () => {
    const sub = "contact_id,contact\n1_2_0_3_G,0\n1_2_0_3_4,0\n1_2_1_3_G,0\n1_2_1_3_4,0\n";
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBe(0);
  });

  it("pairs by contact_id and accepts True/False", () => {
    const sub = "contact_id,contact\n1_2_1_3_4,True\n1_2_1_3_G,False\n1_2_0_3_4,False\n1_2_0_3_G,True\n";
    expect(expectValid(gradeCsv(grader, answers, sub)).score).toBe(1);
  });

  it("rejects probabilities and text labels", () => {
    const prob = "contact_id,contact\n1_2_0_3_G,0.73\n1_2_0_3_4,0\n1_2_1_3_G,0\n1_2_1_3_4,1\n";
    expect(expectInvalid(gradeCsv(grader, answers, prob)).message).toMatch(/0\.73/);
    const text = "contact_id,contact\n1_2_0_3_G,yes\n1_2_0_3_4,no\n1_2_1_3_G,no\n1_2_1_3_4,yes\n";
    expect(expectInvalid(gradeCsv(grader, answers, text)).message).toMatch(/"yes"/);
  });
});
