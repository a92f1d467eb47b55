// Small helpers over the domhandler tree cheerio builds. The extractor walks nodes
// directly instead of through cheerio selections: one pass over plain objects is
// several times faster than building a selection per step.
import type { AnyNode, Element, ParentNode } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is AnyNode & { data: string } {
  return node.type === 'text';
}

export function childrenOf(node: AnyNode): AnyNode[] {
  return (node as ParentNode).children ?? [];
}


/** Detaches a node from its parent (domhandler keeps sibling links; fix them too). */
export function removeNode(node: AnyNode): void {
  const parent = node.parent as ParentNode | null;
  if (!parent) return;
  const i = parent.children.indexOf(node as never);
  if (i >= 0) parent.children.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}




/**
 * Flattens everything nested deeper than `maxDepth`: such an element keeps only
 * its descendant text nodes, as direct children. Real pages stay far below the
 * limit; it exists so that broken or hostile markup (thousands of unclosed <div>s)
 * cannot exhaust the stack of the recursive walks that follow. Iterative on purpose.
 */
export function limitDepth(root: AnyNode, maxDepth: number): void {
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const children = childrenOf(node);
    if (depth < maxDepth) {
      for (const c of children) if (isElement(c)) stack.push([c, depth + 1]);
      continue;
    }
    const texts = collectTextNodes(node);
    (node as ParentNode).children = texts as never;
    texts.forEach((t, i) => {
      t.parent = node as ParentNode;
      t.prev = texts[i - 1] ?? null;
      t.next = texts[i + 1] ?? null;
    });
  }
}

function collectTextNodes(root: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const stack: AnyNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) out.push(node);
    else if (isElement(node) && node.type === 'tag') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}
