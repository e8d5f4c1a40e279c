// Migrations as customer experience: the list, one migration's progress, and the writes that
// plan it, move its consumer teams and record the platform team's help.
import type { ConsumerTeam } from '$lib/bindings/ConsumerTeam';
import type { ConsumerTeamInput } from '$lib/bindings/ConsumerTeamInput';
import type { Migration } from '$lib/bindings/Migration';
import type { MigrationHelp } from '$lib/bindings/MigrationHelp';
import type { MigrationHelpInput } from '$lib/bindings/MigrationHelpInput';
import type { MigrationInput } from '$lib/bindings/MigrationInput';
import type { MigrationProgress } from '$lib/bindings/MigrationProgress';
import { call } from './call';

export const listMigrations = () => call<Migration[]>('list_migrations');
export const getMigration = (id: string) => call<MigrationProgress>('get_migration', { id });
export const createMigration = (input: MigrationInput) =>
	call<Migration>('create_migration', { input });
export const updateMigration = (id: string, input: MigrationInput) =>
	call<Migration>('update_migration', { id, input });
export const setMigrationTeam = (id: string, input: ConsumerTeamInput) =>
	call<ConsumerTeam>('set_migration_team', { id, input });
export const removeMigrationTeam = (id: string, customerId: string) =>
	call<void>('remove_migration_team', { id, customerId });
export const addMigrationHelp = (id: string, input: MigrationHelpInput) =>
	call<MigrationHelp>('add_migration_help', { id, input });
export const removeMigrationHelp = (id: string) => call<void>('remove_migration_help', { id });
