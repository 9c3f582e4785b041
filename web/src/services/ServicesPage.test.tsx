import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetApiClient } from '../app/api';
import { sessionFor } from '../clients/testFixtures';
import i18n from '../i18n';
import type { Role } from '../identity/types';
import { catalogAnswers, makeService } from '../staff/testFixtures';
import { json, mockFetch, problem, type RecordedCall } from '../test/fetchMock';
import { renderApp } from '../test/render';
import { groupServices } from './ServicesPage';

beforeEach(async () => {
  resetApiClient();
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

function serve(role: Role = 'owner', extra: (call: RecordedCall) => Response | null = () => null) {
  return mockFetch((call) => {
    if (call.url === '/api/v1/me') return json(sessionFor(role));
    return extra(call) ?? catalogAnswers(call) ?? json({});
  });
}

describe('services page', () => {
  it('lists categories with their services, prices, badges and masters', async () => {
    serve();
    renderApp('/services');
    const row = await screen.findByTestId('service-row-1');
    expect(row).toHaveTextContent("Women's haircut");
    expect(row).toHaveTextContent('1 h');
    expect(row).toHaveTextContent('Masters: 1');
    expect(screen.getByTestId('service-price-1')).toHaveTextContent('600–900 ₴');
    expect(screen.getByTestId('service-price-2')).toHaveTextContent('450 ₴');
    expect(screen.getByTestId('service-online-1')).toBeInTheDocument();
    expect(screen.getByTestId('service-group-3')).toHaveTextContent('Group · up to 6');
    expect(within(screen.getByTestId('category-1')).getAllByTestId(/^service-row-/)).toHaveLength(2);
    expect(screen.getByTestId('category-2-name')).toHaveTextContent('Nails');
  });

  it('edits a price in place: Enter saves, Escape cancels', async () => {
    const { calls } = serve('manager', (call) =>
      call.method === 'PATCH' ? json(makeService({ price_min: 70000, price_max: 100000 })) : null,
    );
    renderApp('/services');
    fireEvent.click(await screen.findByTestId('service-price-1'));
    const input = screen.getByTestId('service-price-input-1');
    expect(input).toHaveValue('600-900');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('service-price-input-1')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('service-price-1'));
    fireEvent.change(screen.getByTestId('service-price-input-1'), { target: { value: 'abc' } });
    fireEvent.keyDown(screen.getByTestId('service-price-input-1'), { key: 'Enter' });
    expect(await screen.findByText('Enter a price like 800 or 800-1200')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('service-price-input-1'), { target: { value: '700 – 1 000' } });
    fireEvent.keyDown(screen.getByTestId('service-price-input-1'), { key: 'Enter' });
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/api/v1/services/1');
    expect(patch.body).toEqual({ price_min: 70000, price_max: 100000 });
    expect(patch.headers['x-csrf-token']).toBe('tok-1');
  });

  it('creates a service with every field in minor units', async () => {
    const { calls } = serve('owner', (call) =>
      call.method === 'POST' && call.url === '/api/v1/services' ? json(makeService({ id: 9, name: 'Balayage' }), 201) : null,
    );
    renderApp('/services');
    fireEvent.click(await screen.findByTestId('category-1-add-service'));
    fireEvent.change(await screen.findByTestId('service-form-name'), { target: { value: ' Balayage ' } });
    fireEvent.change(screen.getByTestId('service-form-duration'), { target: { value: '150' } });
    fireEvent.change(screen.getByTestId('service-form-price-min'), { target: { value: '1 500' } });
    fireEvent.change(screen.getByTestId('service-form-price-max'), { target: { value: '2500,50' } });
    fireEvent.change(screen.getByTestId('service-form-buffer'), { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('service-form-processing'));
    fireEvent.change(await screen.findByTestId('service-form-processing-start'), { target: { value: '45' } });
    fireEvent.change(screen.getByTestId('service-form-processing-duration'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('service-form-repeat'));
    fireEvent.click(await screen.findByTestId('service-form-staff-3-check'));
    fireEvent.change(await screen.findByTestId('service-form-staff-3-price-min'), { target: { value: '1800' } });
    fireEvent.change(screen.getByTestId('service-form-staff-3-duration'), { target: { value: '180' } });
    fireEvent.click(screen.getByTestId('service-form-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      category_id: 1,
      name: 'Balayage',
      description: '',
      duration: 150,
      price_min: 150000,
      price_max: 250050,
      buffer_after: 15,
      processing: { start: 45, duration: 30 },
      online_booking: true,
      group: false,
      capacity: 1,
      room_ids: [],
      repeat_after_days: 21,
      staff: [{ staff_id: 3, price_min: 180000, price_max: null, duration: 180 }],
    });
  });

  it('explains why a category with services cannot be deleted', async () => {
    serve('admin', (call) =>
      call.method === 'DELETE'
        ? problem({ status: 409, code: 'category-not-empty', title: 'Category is not empty' })
        : null,
    );
    renderApp('/services');
    fireEvent.click(await screen.findByTestId('category-edit-1'));
    fireEvent.click(await screen.findByTestId('category-delete'));
    fireEvent.click(screen.getByTestId('category-delete-confirm'));
    expect(await screen.findByTestId('category-not-empty')).toHaveTextContent('The category still has services');
  });

  it('creates a category with a colour and an icon', async () => {
    const { calls } = serve('owner', (call) =>
      call.method === 'POST' ? json({ id: 7, name: 'Spa', color: '#12b886', icon: 'leaf', position: 2, services: 0 }, 201) : null,
    );
    renderApp('/services');
    fireEvent.click(await screen.findByTestId('category-new'));
    fireEvent.change(await screen.findByTestId('category-form-name'), { target: { value: 'Spa' } });
    fireEvent.change(screen.getByTestId('category-form-color'), { target: { value: '#12B886' } });
    fireEvent.click(screen.getByTestId('category-icon-leaf'));
    fireEvent.click(screen.getByTestId('category-form-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ name: 'Spa', color: '#12b886', icon: 'leaf' });
  });

  it('shows masters a read-only list', async () => {
    serve('master');
    renderApp('/services');
    await screen.findByTestId('service-row-1');
    expect(screen.queryByTestId('service-new')).not.toBeInTheDocument();
    expect(screen.queryByTestId('category-new')).not.toBeInTheDocument();
    expect(screen.queryByTestId('service-drag-1')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('service-price-1'));
    expect(screen.queryByTestId('service-price-input-1')).not.toBeInTheDocument();
  });

  it('groups services by category in position order, loose ones last', () => {
    const sections = groupServices(
      [
        { id: 2, name: 'B', color: '#000000', icon: 'eye', position: 1, services: 1 },
        { id: 1, name: 'A', color: '#000000', icon: 'eye', position: 0, services: 2 },
      ],
      [
        makeService({ id: 5, category_id: 1, position: 1 }),
        makeService({ id: 6, category_id: 1, position: 0 }),
        makeService({ id: 7, category_id: null, position: 0 }),
        makeService({ id: 8, category_id: 2, position: 0 }),
      ],
    );
    expect(sections.map((s) => [s.category?.id ?? null, s.services.map((x) => x.id)])).toEqual([
      [1, [6, 5]],
      [2, [8]],
      [null, [7]],
    ]);
  });
});
