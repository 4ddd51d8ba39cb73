/** `bao-cao kinds`: one line per built-in kind, its id then its title. */
import { builtInKinds } from "../../report/kinds";
import { usageError, EXIT } from "../errors";
import { defineCommand } from "../command";
import { M, USAGE_OF } from "../messages";

export const kindsCommand = defineCommand({
  name: "kinds",
  options: {},
  usage: USAGE_OF.kinds,
  async run(ctx, { positionals }) {
    if (positionals.length) throw usageError(M.tooMany("kinds", positionals));
    for (const k of builtInKinds()) ctx.io.out(`${k.id}\t${k.title}`);
    return EXIT.ok;
  },
});
