// Products, optionally of one team.
import type { Id } from '$lib/bindings/Id';
import type { Product } from '$lib/bindings/Product';
import type { ProductInput } from '$lib/bindings/ProductInput';
import { call } from './call';

export const listProducts = (teamId: Id | null = null) =>
	call<Product[]>('list_products', { teamId });
export const createProduct = (input: ProductInput) => call<Product>('create_product', { input });
export const updateProduct = (id: Id, input: ProductInput) =>
	call<Product>('update_product', { id, input });
