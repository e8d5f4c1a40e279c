// One typed wrapper per Tauri command of the contract. Components call these, never `invoke`.
// Every wrapper rejects with an `ErrorReport`.
import { getVersion } from '@tauri-apps/api/app';
import type { Customer } from '$lib/bindings/Customer';
import type { CustomerInput } from '$lib/bindings/CustomerInput';
import type { EntityKind } from '$lib/bindings/EntityKind';
import type { Id } from '$lib/bindings/Id';
import type { Overview } from '$lib/bindings/Overview';
import type { Person } from '$lib/bindings/Person';
import type { PersonInput } from '$lib/bindings/PersonInput';
import type { Product } from '$lib/bindings/Product';
import type { ProductInput } from '$lib/bindings/ProductInput';
import type { StartupFailure } from '$lib/bindings/StartupFailure';
import type { Team } from '$lib/bindings/Team';
import type { TeamInput } from '$lib/bindings/TeamInput';
import type { Emptied } from '$lib/bindings/Emptied';
import type { Trash } from '$lib/bindings/Trash';
import { call } from './call';
import { toErrorReport } from './errors';

export const startupFailure = () => call<StartupFailure | null>('startup_failure');
export const workspaceOverview = () => call<Overview>('workspace_overview');
/** Tells the shell the first screen with data is on screen; it logs how long start-up took. */
export const firstScreenPainted = () => call<null>('first_screen_painted');
export const loadExample = () => call<Overview>('load_example');
export const createBackup = () => call<string>('create_backup');

export const listTeams = () => call<Team[]>('list_teams');
export const createTeam = (input: TeamInput) => call<Team>('create_team', { input });
export const updateTeam = (id: Id, input: TeamInput) => call<Team>('update_team', { id, input });

export const listPeople = (teamId: Id | null = null) => call<Person[]>('list_people', { teamId });
export const createPerson = (input: PersonInput) => call<Person>('create_person', { input });
export const updatePerson = (id: Id, input: PersonInput) =>
	call<Person>('update_person', { id, input });

export const listProducts = (teamId: Id | null = null) =>
	call<Product[]>('list_products', { teamId });
export const createProduct = (input: ProductInput) => call<Product>('create_product', { input });
export const updateProduct = (id: Id, input: ProductInput) =>
	call<Product>('update_product', { id, input });

export const listCustomers = () => call<Customer[]>('list_customers');
export const createCustomer = (input: CustomerInput) =>
	call<Customer>('create_customer', { input });
export const updateCustomer = (id: Id, input: CustomerInput) =>
	call<Customer>('update_customer', { id, input });

export const moveToTrash = (kind: EntityKind, id: Id) => call<null>('move_to_trash', { kind, id });
export const listTrash = () => call<Trash>('list_trash');
export const restoreFromTrash = (kind: EntityKind, id: Id) =>
	call<null>('restore_from_trash', { kind, id });
export const emptyTrash = () => call<Emptied>('empty_trash');

/** The app's version from the shell; rejects like any command. */
export async function appVersion(): Promise<string> {
	try {
		return await getVersion();
	} catch (error) {
		throw toErrorReport(error, 'cannot read the app version');
	}
}
