/**
 * A multi scenario's question often ends with its own instruction, "(Izvēlieties visas pareizās
 * atbildes.)" / "(Select all that apply.)", written for the module's quiz. The phone says how to
 * answer once, in its legend's hint (read out with the question): the question's own copy goes.
 */
const TRAILING_PARENTHESIS = /\s*\(([^()]*)\)\s*$/u;
/** An instruction to pick several: "choose/select/tick … all/every", "izvēlieties/atzīmējiet … visas". */
const PICK_SEVERAL = /(izvēlieties|atzīmējiet|norādiet|select|choose|tick|mark|pick)\s+(visas|visus|all|every)/iu;

/** The question without a trailing instruction to pick several; any other ending is kept. */
export function withoutPickInstruction(question: string): string {
  const match = TRAILING_PARENTHESIS.exec(question);
  if (!match || !PICK_SEVERAL.test(match[1]!)) return question;
  return question.slice(0, match.index).trimEnd();
}
