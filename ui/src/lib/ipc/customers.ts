// Customers: the list, the form, and one customer's page with its quotes.
import type { Customer } from '$lib/bindings/Customer';
import type { CustomerInput } from '$lib/bindings/CustomerInput';
import type { CustomerProfile } from '$lib/bindings/CustomerProfile';
import type { CustomerQuote } from '$lib/bindings/CustomerQuote';
import type { Id } from '$lib/bindings/Id';
import type { Page } from '$lib/bindings/Page';
import type { PageRequest } from '$lib/bindings/PageRequest';
import { call } from './call';

export const listCustomers = () => call<Customer[]>('list_customers');
export const createCustomer = (input: CustomerInput) =>
	call<Customer>('create_customer', { input });
export const updateCustomer = (id: Id, input: CustomerInput) =>
	call<Customer>('update_customer', { id, input });
/** A customer's page: what it uses, when it was last heard from, and the first page of each list. */
export const getCustomerProfile = (id: Id) => call<CustomerProfile>('get_customer_profile', { id });
export const listCustomerQuotes = (id: Id, page: PageRequest) =>
	call<Page<CustomerQuote>>('list_customer_quotes', { id, page });
