import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { chunkOf } from './scripts/chunks.js';

export default defineConfig({
	plugins: [sveltekit()],
	// Tauri expects a fixed port in development and must see Rust errors in the terminal.
	clearScreen: false,
	server: { port: 1420, strictPort: true },
	build: { target: 'es2022', reportCompressedSize: false, rollupOptions: { output: { manualChunks: chunkOf } } }
});
