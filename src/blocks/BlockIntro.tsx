/**
 * What opens every interactive block: its visible name (which the block's group is labelled by)
 * and, when the block can be used, how to use it.
 */
export function BlockIntro({ labelId, label, instruction }: { labelId?: string; label: string; instruction?: string }) {
  return (
    <>
      <p className="block-label" id={labelId}>
        {label}
      </p>
      {instruction !== undefined && <p className="block-instruction">{instruction}</p>}
    </>
  );
}
