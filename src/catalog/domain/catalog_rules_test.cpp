#include <gtest/gtest.h>

#include "catalog/domain/catalog.h"

namespace kvitka::catalog {
namespace {

std::vector<std::string> Fields(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

TEST(Service, AValidServicePasses) {
  Service s;
  s.name = "Фарбування";
  s.duration = 120;
  s.price_min = 120000;
  s.price_max = 180000;
  s.processing = Processing{45, 30};
  s.staff = {{1, 150000, std::nullopt, 90}};
  EXPECT_TRUE(CheckService(s).empty());
}

TEST(Service, NamesEveryBadField) {
  Service s;
  s.duration = 7;
  s.price_min = -1;
  s.buffer_after = 500;
  s.processing = Processing{0, 10};
  s.group = true;
  s.capacity = 1;
  s.staff = {{1, std::nullopt, std::nullopt, 0}, {1, std::nullopt, std::nullopt, std::nullopt}};
  EXPECT_EQ(
      Fields(CheckService(s)),
      (std::vector<std::string>{
          "name:required", "duration:invalid_duration", "price_min:out_of_range",
          "buffer_after:out_of_range", "processing:outside_service", "capacity:group_needs_seats",
          "staff[0].duration:invalid_duration", "staff[1].staff_id:duplicate"}));
}

TEST(Service, PriceRangeMustNotBeInverted) {
  Service s;
  s.name = "Стрижка";
  s.price_min = 800;
  s.price_max = 500;
  EXPECT_EQ(Fields(CheckService(s)), (std::vector<std::string>{"price_max:less_than_min"}));
}

TEST(Room, CapacityAndClosures) {
  Room r;
  r.name = "Кабінет";
  r.capacity = 0;
  r.closures = {{100, 50, "ремонт"}};
  EXPECT_EQ(Fields(CheckRoom(r)),
            (std::vector<std::string>{"capacity:out_of_range", "closures[0]:invalid_interval"}));
}

}  // namespace
}  // namespace kvitka::catalog
