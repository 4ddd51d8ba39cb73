/** `bao-cao definition ID`: the kind's definition as JSON on standard output. */
import { defineCommand } from "../command";
import { EXIT, usageError } from "../errors";
import { M, USAGE_OF } from "../messages";
import { chosenKind } from "../report-kind";

export const definitionCommand = defineCommand({
  name: "definition",
  options: {},
  usage: USAGE_OF.definition,
  async run(ctx, { positionals }) {
    if (positionals.length === 0) throw usageError(M.definitionNeedsId);
    if (positionals.length > 1) throw usageError(M.tooMany("definition", positionals.slice(1)));
    const { definition } = await chosenKind({ kind: positionals[0] });
    ctx.io.out(JSON.stringify(definition, null, 2));
    return EXIT.ok;
  },
});
