import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../src/schema/build-schema.js';
import { accessDeclarations } from '../src/schema/common/access.js';

describe('access declarations', () => {
  it('every query and mutation field declares who may call it', () => {
    const schema = getSchema();
    const rootFields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ];
    const storage = getMetadataStorage();
    const handlers = [...storage.queries, ...storage.mutations];
    const undeclared = rootFields.filter((field) => {
      const handler = handlers.find((h) => h.schemaName === field);
      return !handler || !accessDeclarations.has(`${handler.target.name}.${handler.methodName}`);
    });
    expect(rootFields.length).toBeGreaterThan(4);
    expect(undeclared).toEqual([]);
  });

  it('only the two ways of signing in are public', () => {
    const open = [...accessDeclarations].filter(([, roles]) => roles === 'public').map(([name]) => name);
    expect(open.sort()).toEqual(['SignInResolver.signIn', 'SignInResolver.signInWithIdToken']);
  });
});
