// Customers.
import type { Customer } from '$lib/bindings/Customer';
import type { CustomerInput } from '$lib/bindings/CustomerInput';
import type { Id } from '$lib/bindings/Id';
import { call } from './call';

export const listCustomers = () => call<Customer[]>('list_customers');
export const createCustomer = (input: CustomerInput) =>
	call<Customer>('create_customer', { input });
export const updateCustomer = (id: Id, input: CustomerInput) =>
	call<Customer>('update_customer', { id, input });
