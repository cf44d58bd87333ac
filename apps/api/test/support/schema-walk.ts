/**
 * Builds operations from the schema itself, so that a test covers every root field that exists,
 * including ones added later: a selection of every field to a depth, and arguments of the right
 * types (chosen by name where the name says what is meant).
 */
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

export function selectionOf(type: GraphQLOutputType, depth = 5): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || depth === 0) return '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => {
      const inner = selectionOf(f.type, depth - 1);
      return inner ? `${f.name} ${inner}` : f.name;
    });
  return `{ __typename ${fields.join(' ')} }`;
}

/** A value of the given input type; `named` may supply values for arguments or fields by name. */
export function sampleInput(type: GraphQLInputType, name: string, named: Record<string, unknown>): unknown {
  if (name in named) return named[name];
  if (isNonNullType(type)) return sampleInput(type.ofType, name, named);
  if (isListType(type)) return [sampleInput(type.ofType, name, named)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [f.name, sampleInput(f.type, f.name, named)]),
    );
  }
  if (isScalarType(type)) {
    if (type.name === 'Int') return 1;
    if (type.name === 'Float') return 1;
    if (type.name === 'Boolean') return true;
    if (type.name === 'DateTime') return '2026-10-15T01:00:00Z';
    return `sample-${name}`;
  }
  return null;
}

export interface Operation {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One operation calling `field` with every argument given as a variable. */
export function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  values: Record<string, unknown>,
): Operation {
  const args = field.args as readonly GraphQLArgument[];
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const variables = Object.fromEntries(args.map((a) => [a.name, sampleInput(a.type, a.name, values)]));
  const query = `${kind} Op${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field.type)} }`;
  return { field: field.name, query, variables };
}

export function rootFields(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
): GraphQLField<unknown, unknown>[] {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {});
}
