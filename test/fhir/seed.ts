// A tiny directory for the FHIR tests: 3 providers, 2 organizations (one part of the other),
// 2 locations, 3 memberships, taxonomies. Values chosen so each search has a known answer.
import { sql } from 'kysely';
import type { Database } from '../../src/db/connection';

export async function seedDirectory(d: Database) {
  await sql`insert into providers (npi, last_name, first_name, middle_name, credential, sex, status, practice_line1, practice_city, practice_state, practice_zip5, practice_zip9, practice_phone, lat, lon, updated_at) values
    ('1234567893', 'Okafor', 'Adaeze', 'N', 'MD', 'F', 'active', '100 Main St', 'Springfield', 'IL', '62701', '627011234', '217-555-0101', 39.8, -89.65, '2026-10-01T00:00:00Z'),
    ('1245319599', 'Smith', 'John', null, 'DO', 'M', 'active', '200 Oak Ave', 'Peoria', 'IL', '61602', null, null, null, null, '2026-11-15T00:00:00Z'),
    ('1306849450', 'Smithers', 'Waylon', null, null, 'M', 'deactivated', null, null, null, null, null, null, null, null, '2025-01-01T00:00:00Z')`.execute(
    d.db,
  );
  await sql`insert into provider_taxonomies (npi, slot, code, license, license_state, is_primary) values
    ('1234567893', 1, '207RC0000X', 'MD-1001', 'IL', true),
    ('1245319599', 1, '207Q00000X', null, null, true),
    ('1245319599', 2, '207RC0000X', null, null, false)`.execute(d.db);
  const [sys] = (
    await sql<{
      id: number;
    }>`insert into organizations (npi, name, type, practice_line1, practice_city, practice_state, practice_zip5, practice_phone)
    values ('1679576722', 'Springfield Health System', 'health_system', '1 Health Way', 'Springfield', 'IL', '62702', '217-555-0000') returning id`.execute(
      d.db,
    )
  ).rows;
  const [clinic] = (
    await sql<{
      id: number;
    }>`insert into organizations (name, type, parent_id, practice_city, practice_state, practice_zip5)
    values ('Peoria Heart Clinic', 'clinic', ${sys!.id}, 'Peoria', 'IL', '61602') returning id`.execute(d.db)
  ).rows;
  const [loc1] = (
    await sql<{
      id: number;
    }>`insert into locations (organization_id, name, line1, city, state, zip5, lat, lon, phone, external_id)
    values (${sys!.id}, 'Springfield Main Campus', '1 Health Way', 'Springfield', 'IL', '62702', 39.79, -89.64, '217-555-0000', 'SHS-MAIN') returning id`.execute(
      d.db,
    )
  ).rows;
  const [loc2] = (
    await sql<{ id: number }>`insert into locations (organization_id, name, city, state, zip5)
    values (${clinic!.id}, 'Peoria Heart Clinic Office', 'Peoria', 'IL', '61602') returning id`.execute(d.db)
  ).rows;
  const ms = (
    await sql<{ id: number }>`insert into memberships (provider_npi, organization_id, role, source) values
      ('1234567893', ${sys!.id}, 'primary', 'manual'), ('1245319599', ${clinic!.id}, 'primary', 'manual'), ('1245319599', ${sys!.id}, 'affiliated', 'manual')
      returning id`.execute(d.db)
  ).rows.map((r) => r.id);
  return { sys: sys!.id, clinic: clinic!.id, loc1: loc1!.id, loc2: loc2!.id, memberships: ms };
}
