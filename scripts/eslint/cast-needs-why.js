// ESLint rule "local/cast-needs-why": every type assertion (`x as T`, `<T>x`) carries a comment
// saying why the compiler cannot see it (ARCHITECTURE.md "Every lint suppression or `as` cast
// says why"). `as const` is not an assertion of a type and `as unknown` only widens (always
// safe): neither needs one.
//
// A comment counts when it ends on one of the cast's own lines, or on the line just above the
// statement (or property, argument line) that holds the cast, or at most two lines above the cast.

/** The nearest enclosing node that starts a line a reader would put a comment above. */
function commentAnchor(node) {
  let current = node
  while (current.parent) {
    const parent = current.parent
    if (/Statement$|Declaration$|^Property$|^PropertyDefinition$|^JSXAttribute$|^SwitchCase$/.test(parent.type)) return parent
    current = parent
  }
  return current
}

function needsNoReason(node) {
  const type = node.typeAnnotation
  if (type?.type === 'TSUnknownKeyword') return true
  return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'const'
}

export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require a comment explaining every type assertion.' },
    schema: [],
    messages: { missing: 'Say why this `as {{type}}` is safe in a comment (the compiler cannot check it).' }
  },
  create(context) {
    const source = context.sourceCode
    const commentEndLines = new Set(source.getAllComments().map((c) => c.loc.end.line))
    const hasCommentEndingIn = (from, to) => {
      for (let line = from; line <= to; line += 1) if (commentEndLines.has(line)) return true
      return false
    }
    function check(node) {
      if (needsNoReason(node)) return
      const { start, end } = node.loc
      if (hasCommentEndingIn(start.line - 2, end.line)) return
      const anchor = commentAnchor(node)
      if (hasCommentEndingIn(anchor.loc.start.line - 1, anchor.loc.start.line)) return
      context.report({ node, messageId: 'missing', data: { type: source.getText(node.typeAnnotation).slice(0, 40) } })
    }
    return { TSAsExpression: check, TSTypeAssertion: check }
  }
}
