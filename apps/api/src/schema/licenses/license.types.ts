import { ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { License } from '../tenants/tenant.types.js';

@ObjectType()
export class LicenseConnection extends Connection(License, 'License') {}
