/**
 * Structural DOM equality with isEqualNode's meaning (node types, names, attributes in any
 * order, text, children). happy-dom's own isEqualNode reports false for some pages' exact
 * clones, so Node-side tests use this; browser tests use the real isEqualNode.
 */
export function sameTree(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName || a.nodeValue !== b.nodeValue) return false;
  if (a.nodeType === 1) {
    const ea = a as Element;
    const eb = b as Element;
    if (ea.attributes.length !== eb.attributes.length) return false;
    for (const attribute of ea.attributes) if (eb.getAttribute(attribute.name) !== attribute.value) return false;
  }
  if (a.childNodes.length !== b.childNodes.length) return false;
  for (let i = 0; i < a.childNodes.length; i++) if (!sameTree(a.childNodes[i]!, b.childNodes[i]!)) return false;
  return true;
}
